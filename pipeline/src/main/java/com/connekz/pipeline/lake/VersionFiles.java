package com.connekz.pipeline.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.actions.Metadata;
import org.apache.spark.sql.types.StructType;

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
     * the log, not in the files) or maps column names, or one of its files carries a deletion
     * vector (rows hidden outside the file). Callers then read that version through Delta.
     */
    public static Map<Long, VersionFiles> of(SparkSession spark, String table, Collection<Long> versions) {
        TreeSet<Long> wanted = new TreeSet<>(versions);
        Map<Long, VersionFiles> found = new HashMap<>();
        if (wanted.isEmpty()) {
            return found;
        }
        DeltaLog log = DeltaLog.forTable(spark, table);
        LogReplay.replay(log, wanted.last(), (version, live, metadata) -> {
            // A deletion vector hides rows outside the file: such a version cannot be read from files alone.
            if (wanted.contains(version) && plain(metadata) && live.stream().allMatch(file -> file.deletionVector() == null)) {
                found.put(version, new VersionFiles(table, version, metadata.schema(), qualified(log, live.stream().map(file -> file.absolutePath(log)).toList())));
            }
            return true;
        });
        return found;
    }

    private static boolean plain(Metadata metadata) {
        return metadata != null && metadata.getPartitionColumns().isEmpty()
                && "none".equals(metadata.getConfiguration().getOrDefault(COLUMN_MAPPING, "none"));
    }

    private static List<String> qualified(DeltaLog log, Collection<Path> files) {
        try {
            FileSystem fs = log.dataPath().getFileSystem(log.newDeltaHadoopConf());
            return files.stream().map(file -> fs.makeQualified(file).toUri().toString()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve the file system of " + log.dataPath(), e);
        }
    }
}
