package com.connekz.pipeline.govern;

import static org.apache.spark.sql.functions.max;

import com.connekz.pipeline.govern.GovernMarks.TableMark;
import com.connekz.pipeline.ingest.BronzeSchema;
import com.connekz.pipeline.lake.DeltaTables;
import com.connekz.pipeline.lake.FilesHoldingKeys;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * A Delta table read at one version, so that what a run decided can be replayed from the same
 * inputs: the frame never sees commits made after the version was taken.
 *
 * @param path    where the table lives
 * @param frame   the table's rows at {@code version}
 * @param version the Delta version read, -1 for a table that does not exist yet (no rows)
 */
public record PinnedTable(String path, Dataset<Row> frame, long version) {

    /** The latest version of the Delta table at {@code path}, or empty when there is no table there. */
    public static Optional<PinnedTable> latest(SparkSession spark, String path) {
        OptionalLong latest = DeltaTables.version(spark, path);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        long version = latest.getAsLong();
        Dataset<Row> frame = spark.read().format("delta").option("versionAsOf", version).load(path);
        return Optional.of(new PinnedTable(path, frame, version));
    }

    /** The latest version, or no rows of {@code schema} at version -1 when there is no table yet. */
    public static PinnedTable latestOrEmpty(SparkSession spark, String path, StructType schema) {
        return latest(spark, path).orElseGet(() -> new PinnedTable(path, spark.createDataFrame(List.of(), schema), -1));
    }

    /**
     * The same version with its rows held in Spark's cache until {@link #release()}: for a small
     * table read by many queries of one run, which then neither plan a Delta scan nor read its files
     * again.
     */
    public PinnedTable held() {
        return new PinnedTable(path, frame.persist(StorageLevel.MEMORY_AND_DISK()), version);
    }

    /** Drops what {@link #held()} cached. */
    public void release() {
        frame.unpersist(false);
    }

    /**
     * The rows of the files of this version where some of {@code keys} (column {@code keysColumn})
     * occur in {@code keyColumn}: a superset of the rows holding those keys, read without the files
     * that hold none ({@link FilesHoldingKeys}).
     */
    public Dataset<Row> filesHolding(String keyColumn, Dataset<Row> keys, String keysColumn) {
        return FilesHoldingKeys.of(frame.sparkSession(), path, version, frame, keyColumn, keys, keysColumn);
    }

    public boolean exists() {
        return version >= 0;
    }

    /** How far this version reaches: its number and the latest {@code _ingested_at} of its rows (one column read; for the small policy tables). */
    TableMark mark() {
        if (!exists()) {
            return TableMark.NONE;
        }
        Row latest = frame.agg(max(BronzeSchema.INGESTED_AT)).first();
        return new TableMark(version, latest.isNullAt(0) ? null : latest.getTimestamp(0).toInstant());
    }
}
