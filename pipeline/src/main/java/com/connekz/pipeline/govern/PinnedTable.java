package com.connekz.pipeline.govern;

import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import scala.Option;

/**
 * A Delta table read at one version, so that what a run decided can be replayed from the same
 * inputs: the frame never sees commits made after the version was taken.
 *
 * @param frame   the table's rows at {@code version}
 * @param version the Delta version read
 */
public record PinnedTable(Dataset<Row> frame, long version) {

    /** The latest version of the Delta table at {@code path}, or empty when there is no table there. */
    public static Optional<PinnedTable> latest(SparkSession spark, String path) {
        long version = latestVersion(spark, path);
        if (version < 0) {
            return Optional.empty();
        }
        Dataset<Row> frame = spark.read().format("delta").option("versionAsOf", version).load(path);
        return Optional.of(new PinnedTable(frame, version));
    }

    /**
     * The version of the last commit of the Delta table at {@code path}, or -1 when there is none.
     * Read from the table's log snapshot: no Spark job, unlike a history query.
     */
    public static long latestVersion(SparkSession spark, String path) {
        return DeltaLog.forTable(spark, path).update(false, Option.empty(), Option.empty()).version();
    }
}
