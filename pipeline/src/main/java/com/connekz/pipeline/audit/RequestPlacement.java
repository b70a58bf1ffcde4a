package com.connekz.pipeline.audit;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Whether each API request in gold sits in the table of the instance it landed for: the rule that
 * needs no other gold table, so it holds for a version read alone.
 */
final class RequestPlacement {
    private RequestPlacement() {}

    /**
     * Adds a violation per table holding requests landed for another instance, and returns how many
     * requests could not be placed because they are no longer landed.
     *
     * @param apiKeys       columns {@code table}, {@code table_tenant}, {@code key}
     * @param landedTenants columns {@code key}, {@code tenant}
     */
    static long check(Dataset<Row> apiKeys, Dataset<Row> landedTenants, List<IsolationVerdict.Violation> violations) {
        Dataset<Row> landed = landedTenants.select(col("key").as("landed_key"), col("tenant").as("landed_tenant"));
        List<Row> placements = apiKeys.join(landed, apiKeys.col("key").equalTo(landed.col("landed_key")), "left")
                .filter(col("landed_tenant").isNull().or(col("landed_tenant").notEqual(col("table_tenant"))))
                .groupBy(col("table"), col("landed_tenant"))
                .agg(count(lit(1)).as("requests"))
                .collectAsList();
        long notLanded = 0;
        for (Row placement : placements) {
            if (placement.isNullAt(1)) {
                notLanded += placement.getLong(2);
            } else {
                violations.add(new IsolationVerdict.Violation(placement.getString(0), null,
                        IsolationVerdict.API_REQUEST_OF_ANOTHER_INSTANCE, placement.getString(1), placement.getLong(2)));
            }
        }
        return notLanded;
    }
}
