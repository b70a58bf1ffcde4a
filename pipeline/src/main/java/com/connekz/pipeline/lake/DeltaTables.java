package com.connekz.pipeline.lake;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.actions.Action;
import org.apache.spark.sql.delta.actions.CommitInfo;
import org.apache.spark.sql.delta.util.FileNames;
import org.apache.spark.sql.types.StructType;
import scala.Option;
import scala.Tuple2;

/** Small questions asked of Delta tables by path, answered with Delta's own APIs. */
public final class DeltaTables {
    /**
     * The table property letting DELETE, UPDATE and MERGE hide rows with deletion vectors instead of
     * rewriting their files; {@link com.connekz.pipeline.deletion.DiskEraser} purges what they hide.
     */
    public static final String DELETION_VECTORS = "delta.enableDeletionVectors";
    /** Table property that limits per-file statistics to the columns named; see {@link #create}. */
    public static final String STATS_COLUMNS = "delta.dataSkippingStatsColumns";

    private DeltaTables() {}

    public static boolean exists(SparkSession spark, String path) {
        return DeltaTable.isDeltaTable(spark, path);
    }

    /**
     * The latest committed version, or empty when there is no table at {@code path}. Read from the
     * table's log snapshot: no Spark job, unlike a history query.
     */
    public static OptionalLong version(SparkSession spark, String path) {
        long version = DeltaLog.forTable(spark, path).update(false, Option.empty(), Option.empty()).version();
        return version < 0 ? OptionalLong.empty() : OptionalLong.of(version);
    }

    /**
     * The commits still in the table's log, oldest first, read from the commit files on the driver
     * (no Spark job, unlike a history query). Empty when there is no table at {@code path}. A version
     * listed here may still be unreadable by time travel when VACUUM removed its data files.
     */
    public static List<Commit> commits(SparkSession spark, String path) {
        DeltaLog log = DeltaLog.forTable(spark, path);
        long latest = log.update(false, Option.empty(), Option.empty()).version();
        if (latest < 0) {
            return List.of();
        }
        return commitsBetween(log, earliestCommit(log), latest);
    }

    /** Every row of the table at {@code path}; an empty frame of {@code schema} when there is no table yet. */
    public static Dataset<Row> readOrEmpty(SparkSession spark, String path, StructType schema) {
        return exists(spark, path) ? spark.read().format("delta").load(path) : spark.createDataFrame(List.of(), schema);
    }

    /**
     * The commits after {@code version}, oldest first, read from the commit files on the driver;
     * empty when there is none or no table at {@code path}.
     */
    public static List<Commit> commitsAfter(SparkSession spark, String path, long version) {
        DeltaLog log = DeltaLog.forTable(spark, path);
        long latest = log.update(false, Option.empty(), Option.empty()).version();
        return latest <= version ? List.of() : commitsBetween(log, Math.max(version + 1, 0), latest);
    }

    /** The latest commit of the table at {@code path}, or empty when there is none. */
    public static java.util.Optional<Commit> latestCommit(SparkSession spark, String path) {
        DeltaLog log = DeltaLog.forTable(spark, path);
        long latest = log.update(false, Option.empty(), Option.empty()).version();
        return latest < 0 ? java.util.Optional.empty() : commitsBetween(log, latest, latest).stream().findFirst();
    }

    private static List<Commit> commitsBetween(DeltaLog log, long from, long to) {
        List<Commit> commits = new ArrayList<>();
        scala.collection.Iterator<Tuple2<Object, scala.collection.immutable.Seq<Action>>> changes =
                log.getChanges(from, to, Option.empty(), false);
        while (changes.hasNext()) {
            Tuple2<Object, scala.collection.immutable.Seq<Action>> change = changes.next();
            long version = (Long) change._1();
            scala.collection.Iterator<Action> actions = change._2().iterator();
            while (actions.hasNext()) {
                if (actions.next() instanceof CommitInfo info) {
                    Map<String, String> metrics = info.operationMetrics().isDefined()
                            ? scala.jdk.javaapi.CollectionConverters.asJava(info.operationMetrics().get()) : Map.of();
                    commits.add(new Commit(version, info.timestamp().toInstant(), info.operation(),
                            info.userMetadata().getOrElse(() -> null), Map.copyOf(metrics),
                            info.operationParameters() == null ? Map.of()
                                    : Map.copyOf(scala.jdk.javaapi.CollectionConverters.asJava(info.operationParameters()))));
                }
            }
        }
        return commits;
    }

    private static long earliestCommit(DeltaLog log) {
        try {
            FileSystem fs = log.logPath().getFileSystem(log.newDeltaHadoopConf());
            long earliest = Long.MAX_VALUE;
            for (FileStatus file : fs.listStatus(log.logPath())) {
                if (FileNames.isDeltaFile(file)) {
                    earliest = Math.min(earliest, FileNames.deltaVersion(file));
                }
            }
            return earliest == Long.MAX_VALUE ? 0 : earliest;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the log of " + log.dataPath(), e);
        }
    }

    /**
     * One commit of a Delta table as its log records it.
     *
     * @param userMetadata     the commit's user metadata, null when it has none
     * @param operationMetrics    what the operation counted ({@code numTargetRowsInserted}...), empty when none
     * @param operationParameters how it was asked for ({@code mode} of a WRITE...), as JSON texts
     */
    public record Commit(long version, java.time.Instant timestamp, String operation, String userMetadata,
                         Map<String, String> operationMetrics, Map<String, String> operationParameters) {

        /** One operation metric as a number, {@code otherwise} when the operation did not record it. */
        public long metric(String name, long otherwise) {
            String value = operationMetrics.get(name);
            return value == null ? otherwise : Long.parseLong(value);
        }
    }

    /**
     * Creates the table if it does not exist. Statistics are kept only for {@code statsColumns}:
     * Delta otherwise writes min/max prefixes of every text column into the transaction log, where
     * personal data would outlive its deletion from the data files.
     */
    public static void create(SparkSession spark, String path, StructType schema, List<String> statsColumns) {
        io.delta.tables.DeltaTableBuilder builder = DeltaTable.createIfNotExists(spark)
                .location(path)
                .addColumns(schema.asNullable());
        properties(statsColumns).forEach(builder::property);
        builder.execute();
    }

    /**
     * The properties of a table {@link #create} makes, for a writer that creates one through
     * Delta's transaction API: statistics only for {@code statsColumns}, no change data feed.
     */
    public static Map<String, String> properties(List<String> statsColumns) {
        return Map.of(STATS_COLUMNS, String.join(",", statsColumns), "delta.enableChangeDataFeed", "false");
    }

    /**
     * Operation metrics for a commit made through Delta's transaction API, as its own commands
     * record them (its history and readers of commit metrics expect them).
     */
    public static scala.collection.immutable.Map<String, org.apache.spark.sql.execution.metric.SQLMetric> metrics(
            SparkSession spark, Map<String, Long> values) {
        Map<String, org.apache.spark.sql.execution.metric.SQLMetric> metrics = new java.util.HashMap<>();
        values.forEach((name, value) -> {
            org.apache.spark.sql.execution.metric.SQLMetric metric =
                    org.apache.spark.sql.execution.metric.SQLMetrics.createMetric(spark.sparkContext(), name);
            metric.set(value);
            metrics.put(name, metric);
        });
        return scala.collection.immutable.Map.from(scala.jdk.javaapi.CollectionConverters.asScala(metrics));
    }
}
