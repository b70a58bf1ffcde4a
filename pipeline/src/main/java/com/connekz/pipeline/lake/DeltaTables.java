package com.connekz.pipeline.lake;

import io.delta.tables.DeltaTable;
import java.util.List;
import java.util.OptionalLong;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.types.StructType;
import scala.Option;

/** Small questions asked of Delta tables by path, answered with Delta's own APIs. */
public final class DeltaTables {
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
     * Creates the table if it does not exist. Statistics are kept only for {@code statsColumns}:
     * Delta otherwise writes min/max prefixes of every text column into the transaction log, where
     * personal data would outlive its deletion from the data files.
     */
    public static void create(SparkSession spark, String path, StructType schema, List<String> statsColumns) {
        DeltaTable.createIfNotExists(spark)
                .location(path)
                .addColumns(schema.asNullable())
                .property(STATS_COLUMNS, String.join(",", statsColumns))
                .property("delta.enableChangeDataFeed", "false")
                .execute();
    }
}
