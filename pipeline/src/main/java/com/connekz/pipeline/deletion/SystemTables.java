package com.connekz.pipeline.deletion;

import io.delta.tables.DeltaTable;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/** Creates the deletion stage's own tables with statistics only on columns that hold nothing personal. */
final class SystemTables {
    private SystemTables() {}

    static void ensure(SparkSession spark, String path, StructType schema, List<String> statsColumns) {
        DeltaTable.createIfNotExists(spark)
                .location(path)
                .addColumns(schema)
                .property("delta.dataSkippingStatsColumns", String.join(",", statsColumns))
                .property("delta.enableChangeDataFeed", "false")
                .execute();
    }
}
