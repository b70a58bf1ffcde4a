package com.connekz.pipeline.deletion;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.connekz.pipeline.lake.DeltaTables;
import com.connekz.pipeline.lake.Lake;
import io.delta.tables.DeltaTable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code _system/deletions}, the deletion ledger. It proves what was erased without keeping it: rows
 * are keyed by keyed hashes of the request, user and target ids.
 */
public final class DeletionLedger {
    public static final String TABLE = "deletions";
    static final StructType SCHEMA = new StructType()
            .add("request_hash", DataTypes.StringType, false)
            .add("user_hash", DataTypes.StringType, false)
            .add("target_hash", DataTypes.StringType, true)
            .add("scope", DataTypes.StringType, true)
            .add("status", DataTypes.StringType, false)
            .add("requested_at", DataTypes.TimestampType, true)
            .add("applied_at", DataTypes.TimestampType, false)
            .add("applied_run_id", DataTypes.StringType, false)
            .add("applied_versions", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), false)
            .add("deleted_rows", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), false)
            .add("purged_at", DataTypes.TimestampType, true)
            .add("purged_run_id", DataTypes.StringType, true);

    private final SparkSession spark;
    private final String path;

    public DeletionLedger(SparkSession spark, Lake lake) {
        this.spark = spark;
        this.path = lake.system(TABLE);
    }

    public boolean exists() {
        return DeltaTables.exists(spark, path);
    }

    /** Every ledger row; an empty frame of the ledger's schema when there is no ledger yet. */
    public Dataset<Row> read() {
        return DeltaTables.readOrEmpty(spark, path, SCHEMA);
    }

    public Optional<LedgerEntry> find(String requestHash) {
        List<Row> rows = read().filter(col("request_hash").equalTo(lit(requestHash))).collectAsList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(entry(rows.get(0)));
    }

    /** Requests applied at least {@code retentionHours} before {@code now} and not purged yet. */
    public List<LedgerEntry> duePurges(Instant now, int retentionHours) {
        Timestamp cutoff = Timestamp.from(now.minusSeconds(retentionHours * 3600L));
        return read().filter(col("status").equalTo(LedgerEntry.APPLIED)
                        .and(col("purged_at").isNull())
                        .and(col("applied_at").leq(lit(cutoff))))
                .collectAsList().stream().map(DeletionLedger::entry).toList();
    }

    /** The user hashes of every applied account deletion. */
    public Dataset<Row> deletedAccounts() {
        return read().filter(col("status").equalTo(LedgerEntry.APPLIED).and(col("scope").equalTo(DeletionScope.ACCOUNT.wireName())))
                .select("user_hash").distinct();
    }

    void append(List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        DeltaTables.create(spark, path, SCHEMA, List.of("scope", "status", "requested_at", "applied_at", "purged_at"));
        List<Row> rows = new ArrayList<>();
        for (LedgerEntry e : entries) {
            rows.add(RowFactory.create(e.requestHash(), e.userHash(), e.targetHash(), e.scope(), e.status(),
                    timestamp(e.requestedAt()), timestamp(e.appliedAt()), e.appliedRunId(),
                    e.appliedVersions(), e.deletedRows(), timestamp(e.purgedAt()), e.purgedRunId()));
        }
        spark.createDataFrame(rows, SCHEMA).write().format("delta").mode("append").save(path);
    }

    /**
     * Records the purge of the given requests in one UPDATE: a single pass over the (small) ledger,
     * where a MERGE would scan it twice.
     */
    void markPurged(List<String> requestHashes, Instant at, String runId) {
        if (requestHashes.isEmpty()) {
            return;
        }
        DeltaTable.forPath(spark, path).update(col("request_hash").isin(requestHashes.toArray()),
                Map.of("purged_at", lit(Timestamp.from(at)), "purged_run_id", lit(runId)));
    }

    static LedgerEntry entry(Row row) {
        return new LedgerEntry(row.getString(0), row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                text(row.get(5)), text(row.get(6)), row.getString(7), javaMap(row.getJavaMap(8)), javaMap(row.getJavaMap(9)),
                text(row.get(10)), row.getString(11));
    }

    private static String text(Object timestamp) {
        return timestamp == null ? null : ((Timestamp) timestamp).toInstant().toString();
    }

    private static Timestamp timestamp(String instant) {
        return instant == null ? null : Timestamp.from(Instant.parse(instant));
    }

    private static Map<String, Long> javaMap(Map<Object, Object> map) {
        Map<String, Long> copy = new HashMap<>();
        map.forEach((k, v) -> copy.put((String) k, ((Number) v).longValue()));
        return copy;
    }
}
