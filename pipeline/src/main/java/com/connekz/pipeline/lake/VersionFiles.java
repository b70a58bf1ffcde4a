package com.connekz.pipeline.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.actions.Action;
import org.apache.spark.sql.delta.actions.AddFile;
import org.apache.spark.sql.delta.actions.Metadata;
import org.apache.spark.sql.delta.actions.RemoveFile;
import org.apache.spark.sql.types.StructType;
import scala.Option;
import scala.Tuple2;

/**
 * One version of a Delta table as its schema and data files, replayed on the driver from the
 * table's commit files with Delta's own {@link DeltaLog#getChanges}: no Spark job. Delta's reader
 * of a past version runs a job to rebuild the snapshot and another for every scan planned on it,
 * which is most of the cost of reading hundreds of small versions; these files are read in one
 * Parquet scan instead (see {@link VersionScan}).
 *
 * @param files the data files, as qualified URIs in the form Spark's {@code _metadata.file_path} gives
 */
public record VersionFiles(String table, long version, StructType schema, List<String> files) {
    private static final String COLUMN_MAPPING = "delta.columnMapping.mode";

    /**
     * The files of each of {@code versions} of the table at {@code table}, replaying the log once up to
     * the last of them. A version is missing from the answer whenever the commit files alone cannot
     * say exactly which rows it holds: the log no longer starts at version 0 (older commits cleaned
     * up after a checkpoint), a commit is missing, the table is partitioned (partition values live in
     * the log, not in the files) or maps column names, or a file carries a deletion vector (rows
     * hidden outside the file). Callers then read that version through Delta.
     */
    public static Map<Long, VersionFiles> of(SparkSession spark, String table, Collection<Long> versions) {
        TreeSet<Long> wanted = new TreeSet<>(versions);
        Map<Long, VersionFiles> found = new HashMap<>();
        if (wanted.isEmpty()) {
            return found;
        }
        DeltaLog log = DeltaLog.forTable(spark, table);
        Set<Path> files = new LinkedHashSet<>();
        Metadata metadata = null;
        boolean exact = true;
        long expected = 0;
        scala.collection.Iterator<Tuple2<Object, scala.collection.immutable.Seq<Action>>> changes =
                log.getChanges(0, wanted.last(), Option.empty(), false);
        while (changes.hasNext()) {
            Tuple2<Object, scala.collection.immutable.Seq<Action>> change = changes.next();
            long version = (Long) change._1();
            if (version != expected++) {
                return found;
            }
            scala.collection.Iterator<Action> actions = change._2().iterator();
            while (actions.hasNext()) {
                Action action = actions.next();
                if (action instanceof AddFile add) {
                    // A deletion vector makes this version and every later one holding the file inexact.
                    exact &= add.deletionVector() == null;
                    files.add(add.absolutePath(log));
                } else if (action instanceof RemoveFile remove) {
                    files.remove(remove.absolutePath(log));
                } else if (action instanceof Metadata changed) {
                    metadata = changed;
                }
            }
            if (!exact) {
                return found;
            }
            if (wanted.contains(version) && plain(metadata)) {
                found.put(version, new VersionFiles(table, version, metadata.schema(), qualified(log, files)));
            }
        }
        return found;
    }

    private static boolean plain(Metadata metadata) {
        return metadata != null && metadata.getPartitionColumns().isEmpty()
                && "none".equals(metadata.getConfiguration().getOrDefault(COLUMN_MAPPING, "none"));
    }

    private static List<String> qualified(DeltaLog log, Set<Path> files) {
        try {
            FileSystem fs = log.dataPath().getFileSystem(log.newDeltaHadoopConf());
            return files.stream().map(file -> fs.makeQualified(file).toUri().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve the file system of " + log.dataPath(), e);
        }
    }
}
