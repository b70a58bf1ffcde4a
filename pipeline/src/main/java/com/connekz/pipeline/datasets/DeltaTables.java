package com.connekz.pipeline.datasets;

import io.delta.tables.DeltaTable;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Small facts about Delta tables by path that several stages need: existence, latest version, commit metadata. */
public final class DeltaTables {
    static final String USER_METADATA = "spark.databricks.delta.commitInfo.userMetadata";

    private DeltaTables() {}

    public static boolean exists(SparkSession spark, String path) {
        return DeltaTable.isDeltaTable(spark, path);
    }

    /** The latest committed version, or empty when there is no table at {@code path}. */
    public static OptionalLong latestVersion(SparkSession spark, String path) {
        if (!exists(spark, path)) {
            return OptionalLong.empty();
        }
        Row last = DeltaTable.forPath(spark, path).history(1).select("version").first();
        return OptionalLong.of(last.getLong(0));
    }

    /**
     * Runs {@code write} with {@code metadata} as the user metadata of the commits it makes, and
     * restores the session's previous setting afterwards, so no other write carries it.
     */
    public static <T> T withUserMetadata(SparkSession spark, String metadata, Supplier<T> write) {
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
}
