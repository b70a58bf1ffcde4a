package com.connekz.pipeline.govern;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.connekz.pipeline.ingest.BronzeSchema;
import com.connekz.pipeline.ingest.Source;
import io.delta.tables.DeltaTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * {@code silver/<source>}: the used records of one source, one row per natural key. Each write
 * makes silver equal to the latest decision: records newly used or changed are (redacted and)
 * upserted, records no longer used (withdrawn, deleted account, gone from bronze) are removed, and
 * unchanged rows are left alone, so redaction runs only on what changed.
 */
final class SilverTable {
    /** The run that last wrote the row. */
    static final String GOVERN_RUN_ID = "_govern_run_id";
    private static final String OPERATION = "_silver_operation";
    private static final String SILVER_PREFIX = "_silver_";

    private final SparkSession spark;
    private final String path;
    private final Source source;

    SilverTable(SparkSession spark, String path, Source source) {
        this.spark = spark;
        this.path = path;
        this.source = source;
    }

    /** What one write did. */
    record Written(long version, long inserted, long updated, long removed) {}

    /**
     * Makes silver hold exactly {@code used} (the decided records without an exclusion reason), in
     * one commit after the table exists.
     */
    Written write(Dataset<Row> used, RedactionHook redaction, String runId) {
        if (!DeltaTable.isDeltaTable(spark, path)) {
            Dataset<Row> rows = redaction.redact(source, used).withColumn(GOVERN_RUN_ID, lit(runId));
            create(rows.schema());
            rows.write().format("delta").mode("append").save(path);
            return lastCommit();
        }
        DeltaTable silver = DeltaTable.forPath(spark, path);
        String key = source.naturalKey();
        Dataset<Row> stored = silver.toDF().select(
                col(key).as(SILVER_PREFIX + key),
                col(BronzeSchema.CONTENT_HASH).as(SILVER_PREFIX + BronzeSchema.CONTENT_HASH),
                col(Governance.CONSENT_EVENT_IDS).as(SILVER_PREFIX + Governance.CONSENT_EVENT_IDS),
                col(Governance.TENANT).as(SILVER_PREFIX + Governance.TENANT));
        Dataset<Row> changed = used.join(stored, sameKey(key)
                .and(unchanged(BronzeSchema.CONTENT_HASH))
                .and(unchanged(Governance.CONSENT_EVENT_IDS))
                .and(unchanged(Governance.TENANT)), "left_anti");
        Dataset<Row> noLongerUsed = stored.select(col(SILVER_PREFIX + key).as(key))
                .join(used.select(col(key).as(SILVER_PREFIX + key)), sameKey(key), "left_anti");

        Dataset<Row> upserts = redaction.redact(source, changed)
                .withColumn(GOVERN_RUN_ID, lit(runId))
                .withColumn(OPERATION, lit("upsert"));
        Dataset<Row> changes = upserts.unionByName(noLongerUsed.withColumn(OPERATION, lit("remove")), true);

        Map<String, String> assignments = new LinkedHashMap<>();
        for (String column : silver.toDF().columns()) {
            assignments.put("`" + column + "`", "c.`" + column + "`");
        }
        silver.as("s").merge(changes.as("c"), "s.`" + key + "` = c.`" + key + "`")
                .whenMatched("c." + OPERATION + " = 'remove'").delete()
                .whenMatched("c." + OPERATION + " = 'upsert'").updateExpr(assignments)
                .whenNotMatched("c." + OPERATION + " = 'upsert'").insertExpr(assignments)
                .execute();
        return lastCommit();
    }

    /**
     * Creates the table with Delta's file statistics limited to non-personal columns: statistics of
     * text and id columns keep their first 32 characters in the transaction log, where erasure by
     * VACUUM cannot reach them.
     */
    private void create(StructType schema) {
        DeltaTable.createIfNotExists(spark)
                .location(path)
                .addColumns(schema)
                .property("delta.dataSkippingStatsColumns", String.join(",", statisticsColumns(source)))
                .execute();
    }

    /** The only columns Delta keeps min/max statistics of: instants and positions, never content or ids. */
    static List<String> statisticsColumns(Source source) {
        return List.of(source.createdAtField(), BronzeSchema.INGESTED_AT, BronzeSchema.LINE);
    }

    private Column sameKey(String key) {
        return col(key).equalTo(col(SILVER_PREFIX + key));
    }

    private static Column unchanged(String column) {
        return col(column).eqNullSafe(col(SILVER_PREFIX + column));
    }

    private Written lastCommit() {
        Row commit = DeltaTable.forPath(spark, path).history(1).select("version", "operationMetrics").first();
        Map<String, String> metrics = commit.isNullAt(1) ? Map.of() : commit.getJavaMap(1);
        return new Written(commit.getLong(0),
                metric(metrics, "numTargetRowsInserted", metric(metrics, "numOutputRows", 0)),
                metric(metrics, "numTargetRowsUpdated", 0),
                metric(metrics, "numTargetRowsDeleted", 0));
    }

    private static long metric(Map<String, String> metrics, String name, long otherwise) {
        String value = metrics.get(name);
        return value == null ? otherwise : Long.parseLong(value);
    }
}
