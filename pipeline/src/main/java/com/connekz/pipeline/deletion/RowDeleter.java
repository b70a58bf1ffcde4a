package com.connekz.pipeline.deletion;

import static org.apache.spark.sql.functions.input_file_name;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.DeltaOperations;
import org.apache.spark.sql.delta.OptimisticTransaction;
import org.apache.spark.sql.delta.actions.Action;
import org.apache.spark.sql.delta.actions.AddFile;
import org.apache.spark.sql.execution.metric.SQLMetric;
import org.apache.spark.sql.execution.metric.SQLMetrics;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Deletes the rows named by deletion requests from one Delta table in one commit, by rewriting
 * without them exactly the files that hold them: no deletion vector is written, so only the table's
 * old versions still hold the rows until purge.
 *
 * <p>Why not a MERGE: it scans once to find the touched files and again to rewrite them, after a
 * separate scan that counts the victims per request; and its data skipping needs a literal predicate,
 * which for 100 subjects outgrows Spark's 64 KB generated-method limit. Here one scan of the candidate
 * files finds the victims with their files (and so the counts), and only those files are rewritten.
 * The commit is a plain DELETE with no predicate: no id or hash appears in the table's history.
 */
final class RowDeleter {
    static final String REQUEST_HASH = "request_hash";
    /** The column, on the rows handed to a victim finder, that names each row's data file. */
    static final String FILE = "_deleted_from_file";
    private final SparkSession spark;

    RowDeleter(SparkSession spark) {
        this.spark = spark;
    }

    /**
     * What was deleted from one table: rows per request hash, and the version of the commit (empty
     * when nothing matched and nothing was committed).
     */
    record Deleted(Map<String, Long> rowsByRequest, OptionalLong version, int filesRewritten) {
        long rows() {
            return rowsByRequest.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Deletes from every file of the table the rows {@code victimsIn} finds.
     *
     * @param victimsIn given the table's rows (with a {@link #FILE} column), the rows to delete: the
     *                  {@code keyColumns}, the {@code request_hash} that names them, and {@link #FILE}
     */
    Deleted delete(String path, Function<Dataset<Row>, Dataset<Row>> victimsIn, List<String> keyColumns) {
        return delete(path, file -> true, victimsIn, keyColumns);
    }

    /**
     * As {@link #delete(String, Function, List)}, reading only the files that {@code mayHoldVictims}
     * keeps (judged from their log entry, such as column statistics); it must keep every file that
     * holds a victim. A file of the same table version that holds no victim is left as it is.
     */
    Deleted delete(String path, Predicate<AddFile> mayHoldVictims, Function<Dataset<Row>, Dataset<Row>> victimsIn,
                   List<String> keyColumns) {
        DeltaLog log = DeltaLog.forTable(spark, path);
        OptimisticTransaction txn = log.startTransaction();
        // Reading every file's entry (not a filtered scan) marks the whole table as read, so a
        // concurrent commit to it makes this one fail instead of resurrecting rows.
        List<AddFile> candidates = CollectionConverters.asJava(txn.filterFiles()).stream().filter(mayHoldVictims).toList();
        if (candidates.isEmpty()) {
            return new Deleted(Map.of(), OptionalLong.empty(), 0);
        }
        Dataset<Row> rows = log.createDataFrame(txn.snapshot(), scalaSeq(candidates), false, Option.empty())
                .withColumn(FILE, input_file_name());
        // Found once: the counts per request and the touched files come from these few rows.
        Dataset<Row> found = victimsIn.apply(rows).localCheckpoint(true);
        Map<String, Long> counts = new HashMap<>();
        Set<String> files = new HashSet<>();
        for (Row row : found.groupBy(REQUEST_HASH, FILE).count().collectAsList()) {
            counts.merge(row.getString(0), row.getLong(2), Long::sum);
            files.add(row.getString(1));
        }
        if (counts.isEmpty()) {
            return new Deleted(Map.of(), OptionalLong.empty(), 0);
        }
        List<AddFile> touched = touchedFiles(log, candidates, files);
        Dataset<Row> keys = found.select(keyColumns.get(0), keyColumns.subList(1, keyColumns.size()).toArray(String[]::new)).distinct();
        Dataset<Row> kept = log.createDataFrame(txn.snapshot(), scalaSeq(touched), false, Option.empty())
                .join(keys, CollectionConverters.asScala(keyColumns).toSeq(), "left_anti");
        List<Action> actions = new ArrayList<>(CollectionConverters.asJava(txn.writeFiles(kept)));
        int added = actions.size();
        long now = System.currentTimeMillis();
        touched.forEach(file -> actions.add(file.removeWithTimestamp(now, true)));
        txn.registerSQLMetrics(spark, scalaMap(Map.of("numDeletedRows", keys.count(),
                "numRemovedFiles", (long) touched.size(), "numAddedFiles", (long) added)));
        long version = txn.commit(scalaSeq(actions), new DeltaOperations.Delete(scalaSeq(List.<Expression>of())));
        return new Deleted(counts, OptionalLong.of(version), touched.size());
    }

    /** The candidate files named by {@code files}; fails if one is not among them. */
    private static List<AddFile> touchedFiles(DeltaLog log, List<AddFile> candidates, Set<String> files) {
        Map<Path, AddFile> byPath = new HashMap<>();
        candidates.forEach(file -> byPath.put(file.absolutePath(log), file));
        List<AddFile> touched = new ArrayList<>();
        for (String name : files) {
            AddFile file = byPath.get(new Path(URI.create(name)));
            if (file == null) {
                throw new IllegalStateException("a deleted row's data file is not in the table's snapshot");
            }
            touched.add(file);
        }
        return touched;
    }

    /** The operation metrics Delta records with a DELETE commit (its history requires them). */
    private scala.collection.immutable.Map<String, SQLMetric> scalaMap(Map<String, Long> values) {
        Map<String, SQLMetric> metrics = new HashMap<>();
        values.forEach((name, value) -> {
            SQLMetric metric = SQLMetrics.createMetric(spark.sparkContext(), name);
            metric.set(value);
            metrics.put(name, metric);
        });
        return scala.collection.immutable.Map.from(CollectionConverters.asScala(metrics));
    }

    private static <T> scala.collection.immutable.Seq<T> scalaSeq(List<T> list) {
        return CollectionConverters.asScala(list).toList();
    }
}
