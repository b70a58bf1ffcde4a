package com.connekz.pipeline.govern;

import io.delta.tables.DeltaTable;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

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
        if (!DeltaTable.isDeltaTable(spark, path)) {
            return Optional.empty();
        }
        long version = latestVersion(spark, path);
        Dataset<Row> frame = spark.read().format("delta").option("versionAsOf", version).load(path);
        return Optional.of(new PinnedTable(frame, version));
    }

    /** The version of the last commit of the Delta table at {@code path}. */
    public static long latestVersion(SparkSession spark, String path) {
        return DeltaTable.forPath(spark, path).history(1).select("version").first().getLong(0);
    }
}
