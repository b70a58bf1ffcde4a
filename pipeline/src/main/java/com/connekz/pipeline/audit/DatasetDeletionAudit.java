package com.connekz.pipeline.audit;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.connekz.pipeline.datasets.GoldSchema;
import com.connekz.pipeline.deletion.DeletionLedger;
import com.connekz.pipeline.deletion.DeletionScope;
import com.connekz.pipeline.deletion.LedgerEntry;
import com.connekz.pipeline.lake.Lake;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Checks one dataset version against the deletion ledger, set-based: the ledger's user hashes are
 * joined to the examples' {@code subject_hash}. Targeted deletions (one conversation, call or
 * memory) are counted but not re-checked here: the ledger keys their targets by a hash that no
 * example carries; {@code audit subject} and {@code audit deletion} answer for those.
 */
public final class DatasetDeletionAudit {
    private static final List<String> WHOLE_SUBJECT = List.of(DeletionScope.ACCOUNT.wireName(),
            DeletionScope.ALL_ASSISTANT_DATA.wireName());
    private final SparkSession spark;
    private final Lake lake;

    public DatasetDeletionAudit(SparkSession spark, Lake lake) {
        this.spark = spark;
        this.lake = lake;
    }

    public DeletionVerdict audit(DatasetBuild build) {
        DeletionLedger ledger = new DeletionLedger(spark, lake);
        Dataset<Row> applied = ledger.read()
                .filter(col("status").equalTo(LedgerEntry.APPLIED)
                        .and(col("applied_at").leq(lit(Timestamp.from(build.committedAt())))));
        Map<String, Long> byScope = new TreeMap<>();
        long requests = 0;
        long purged = 0;
        long erased = 0;
        String table = "gold/" + build.dataset();
        for (Row row : applied.select("scope", "purged_at", "deleted_rows").collectAsList()) {
            requests++;
            byScope.merge(row.isNullAt(0) ? "unknown" : row.getString(0), 1L, Long::sum);
            purged += row.isNullAt(1) ? 0 : 1;
            Map<String, Long> rows = row.isNullAt(2) ? Map.of() : row.getJavaMap(2);
            erased += rows.getOrDefault(table, 0L);
        }
        Dataset<Row> gold = spark.read().format("delta").option("versionAsOf", build.version()).load(lake.gold(build.dataset()));
        long remaining = 0;
        if (Arrays.asList(gold.columns()).containsAll(List.of(GoldSchema.SUBJECT_HASH, GoldSchema.CREATED_AT))) {
            Dataset<Row> erasedSubjects = applied.filter(col("scope").isin(WHOLE_SUBJECT.toArray()))
                    .select(col("user_hash"), col("requested_at"));
            remaining = gold.join(erasedSubjects, col(GoldSchema.SUBJECT_HASH).equalTo(col("user_hash"))
                            .and(col(GoldSchema.CREATED_AT).leq(col("requested_at"))))
                    .select(col(GoldSchema.EXAMPLE_ID)).distinct().collectAsList().size();
        }
        return new DeletionVerdict(build.dataset(), build.version(), remaining == 0, requests, byScope, purged, erased, remaining);
    }
}
