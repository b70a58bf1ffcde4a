package com.connekz.pipeline.datasets;

import com.connekz.pipeline.lake.DeltaTables;

import static com.connekz.pipeline.datasets.GoldSchema.CONTENT_HASH;
import static com.connekz.pipeline.datasets.GoldSchema.EXAMPLE_ID;
import static org.apache.spark.sql.functions.col;

import io.delta.tables.DeltaTable;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Brings one gold table to exactly the given examples with the fewest changes: inserts new
 * examples, updates those whose content changed, deletes those no longer wanted, and commits
 * nothing at all when there is nothing to change, so every version of a gold table is a real change.
 */
public final class GoldWriter {
    private static final String USER_METADATA = "spark.databricks.delta.commitInfo.userMetadata";
    private final SparkSession spark;

    public GoldWriter(SparkSession spark) {
        this.spark = spark;
    }

    /** How one table changed; {@code version} is empty when nothing was committed. */
    public record Change(long inserted, long updated, long deleted, OptionalLong version) {
        public boolean committed() {
            return version.isPresent();
        }
    }

    /**
     * Makes the table at {@code path} hold {@code wanted} (gold rows of one tenant), committing with
     * {@code metadata} as user metadata. A missing table is created with statistics limited to
     * {@link GoldSchema#STATS_COLUMNS} and without change data feed, whose pre-images would keep
     * deleted examples.
     */
    public Change write(String path, Dataset<Row> wanted, BuildMetadata metadata) {
        if (!DeltaTables.exists(spark, path)) {
            long rows = wanted.count();
            if (rows == 0) {
                return new Change(0, 0, 0, OptionalLong.empty());
            }
            withUserMetadata( metadata.toJson(), () -> create(path, wanted));
            return new Change(rows, 0, 0, DeltaTables.version(spark, path));
        }
        Dataset<Row> current = spark.read().format("delta").load(path);
        long inserted = wanted.join(current, wanted.col(EXAMPLE_ID).equalTo(current.col(EXAMPLE_ID)), "left_anti").count();
        long deleted = current.join(wanted, current.col(EXAMPLE_ID).equalTo(wanted.col(EXAMPLE_ID)), "left_anti").count();
        long updated = wanted.as("w").join(current.as("c"),
                col("w." + EXAMPLE_ID).equalTo(col("c." + EXAMPLE_ID))
                        .and(col("w." + CONTENT_HASH).notEqual(col("c." + CONTENT_HASH)))).count();
        if (inserted + deleted + updated == 0) {
            return new Change(0, 0, 0, OptionalLong.empty());
        }
        withUserMetadata( metadata.toJson(), () -> merge(path, wanted));
        return new Change(inserted, updated, deleted, DeltaTables.version(spark, path));
    }

    /**
     * Runs {@code write} with {@code metadata} as the user metadata of its commits, restoring the
     * session's previous setting afterwards so no other write carries it.
     */
    private <T> T withUserMetadata(String metadata, Supplier<T> write) {
        String previous = spark.conf().getOption(USER_METADATA).getOrElse(() -> null);
        spark.conf().set(USER_METADATA, metadata);
        try {
            return write.get();
        } finally {
            if (previous == null) {
                spark.conf().unset(USER_METADATA);
            } else {
                spark.conf().set(USER_METADATA, previous);
            }
        }
    }

    private Object create(String path, Dataset<Row> wanted) {
        String view = "gold_create_" + UUID.randomUUID().toString().replace("-", "");
        wanted.createOrReplaceTempView(view);
        try {
            spark.sql("CREATE TABLE delta.`" + path + "` USING DELTA TBLPROPERTIES ("
                    + "'delta.dataSkippingStatsColumns' = '" + String.join(",", GoldSchema.STATS_COLUMNS) + "', "
                    + "'delta.enableChangeDataFeed' = 'false') AS SELECT * FROM " + view);
        } finally {
            spark.catalog().dropTempView(view);
        }
        return null;
    }

    private Object merge(String path, Dataset<Row> wanted) {
        DeltaTable.forPath(spark, path).as("t")
                .merge(wanted.as("s"), "t." + EXAMPLE_ID + " = s." + EXAMPLE_ID)
                .whenMatched("t." + CONTENT_HASH + " <> s." + CONTENT_HASH).updateAll()
                .whenNotMatched().insertAll()
                .whenNotMatchedBySource().delete()
                .execute();
        return null;
    }
}
