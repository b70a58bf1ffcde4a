package com.connekz.pipeline.govern;

import com.connekz.pipeline.lake.DeltaTables;
import java.util.Optional;
import java.util.OptionalLong;
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
        OptionalLong latest = DeltaTables.version(spark, path);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        long version = latest.getAsLong();
        Dataset<Row> frame = spark.read().format("delta").option("versionAsOf", version).load(path);
        return Optional.of(new PinnedTable(frame, version));
    }
}
