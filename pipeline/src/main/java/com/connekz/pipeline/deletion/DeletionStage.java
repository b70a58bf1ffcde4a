package com.connekz.pipeline.deletion;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;

import com.connekz.pipeline.lake.DeltaTables;
import com.connekz.pipeline.datasets.GoldSchema;
import com.connekz.pipeline.deletion.RowDeleter.Removal;
import com.connekz.pipeline.datasets.GoldTables;
import com.connekz.pipeline.datasets.RecordKeys;
import com.connekz.pipeline.hashing.KeyedHash;
import com.connekz.pipeline.ingest.BronzeSchema;
import com.connekz.pipeline.ingest.Source;
import com.connekz.pipeline.lake.Lake;
import com.connekz.pipeline.run.RunContext;
import com.connekz.pipeline.run.Stage;
import com.connekz.pipeline.run.SourceCounts;
import com.connekz.pipeline.run.StageResult;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code delete} stage. Applies every request of {@code bronze/deletions} that the ledger does
 * not hold yet, of every scope, to gold, silver, quarantine and bronze in this run; records each
 * request in the ledger and as a tombstone (keyed hashes only); removes the raw rows of account
 * deletion requests from {@code bronze/deletions}; and purges from disk every request whose
 * retention ({@code deletion.retention_hours}) has passed since it was applied.
 *
 * <p>Gold tables lose their deleted examples by a rewrite of the few files that hold them (found from
 * the subject's hash in the files' statistics), all gold tables in one scan and one write
 * ({@link FanOutDeleter}) and a commit each, so gold never carries a deletion vector; bronze, silver
 * and quarantine, where a hundred users touch nearly every file, have their rows marked with deletion
 * vectors when the touched files are large, and the purge rewrites those files once the retention
 * has passed.
 */
public final class DeletionStage implements Stage {
    public static final String NAME = "delete";
    /** Where the rewritten gold files are written before each moves into its table. */
    private static final String GOLD_STAGING = "deletion_staging";
    private static final List<String> BRONZE_KEYS = List.of(BronzeSchema.SOURCE_FILE, BronzeSchema.LINE);
    private static final List<String> QUARANTINE_KEYS = List.of("source", "file", "line");
    private static final StructType REQUESTS = new StructType()
            .add(RowDeleter.REQUEST_HASH, DataTypes.StringType)
            .add(DeletionMatch.USER_KEY, DataTypes.StringType)
            .add("user_hash", DataTypes.StringType)
            .add(DeletionMatch.TARGET_KEY, DataTypes.StringType)
            .add("target_hash", DataTypes.StringType)
            .add(DeletionMatch.SCOPE, DataTypes.StringType)
            .add(DeletionMatch.REQUESTED_AT, DataTypes.TimestampType);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StageResult run(RunContext context) {
        SparkSession spark = context.spark();
        Lake lake = context.lake();
        KeyedHash hash = context.keyedHash();
        Instant now = Instant.now();
        StageResult.Builder result = StageResult.builder(NAME);
        DeletionLedger ledger = new DeletionLedger(spark, lake);

        List<DeletionRequest> pending = newRequests(spark, lake, hash, ledger);
        List<DeletionRequest> valid = pending.stream().filter(DeletionRequest::valid).toList();
        result.metric("requests_new", pending.size());
        result.metric("requests_rejected", pending.size() - valid.size());

        Applied applied = valid.isEmpty() ? new Applied() : apply(spark, lake, hash, valid, result);
        Timestamp appliedAt = Timestamp.from(now);
        if (!valid.isEmpty()) {
            new Tombstones(spark, lake).add(spark.createDataFrame(valid.stream().map(r -> RowFactory.create(
                    hash.of(r.requestId()), r.scope(), hash.of(r.userId()), hash.of(r.targetId()),
                    Timestamp.from(r.requestedAt()), appliedAt)).toList(), Tombstones.SCHEMA));
        }
        ledger.append(pending.stream().map(r -> entry(r, hash, now, context.runId(), applied)).toList());
        result.metric("requests_applied", valid.size());

        scrubAccountRequests(spark, lake, hash, ledger, result);
        purge(spark, lake, ledger, now, context.config().deletion().retentionHours(), context.runId(), result);
        return result.build();
    }

    /** Requests of bronze/deletions whose keyed hash the ledger does not hold, oldest first. */
    static List<DeletionRequest> newRequests(SparkSession spark, Lake lake, KeyedHash hash, DeletionLedger ledger) {
        String path = lake.bronze(Source.DELETIONS);
        if (!DeltaTables.exists(spark, path)) {
            return List.of();
        }
        Dataset<Row> landed = spark.read().format("delta").load(path)
                .select("request_id", "user_id", "scope", "target_id", "requested_at")
                .dropDuplicates("request_id")
                .withColumn("request_hash", hash.column(col("request_id")));
        Dataset<Row> known = ledger.read().select("request_hash");
        List<DeletionRequest> requests = new ArrayList<>();
        for (Row row : landed.join(known, landed.col("request_hash").equalTo(known.col("request_hash")), "left_anti")
                .orderBy("requested_at").collectAsList()) {
            requests.add(new DeletionRequest(row.getString(0), row.getString(1), row.getString(2), row.getString(3),
                    row.getTimestamp(4).toInstant()));
        }
        return requests;
    }

    /** Rows deleted per request hash and table, and the version of each table's deleting commit. */
    private static final class Applied {
        final Map<String, Map<String, Long>> rowsByRequest = new HashMap<>();
        final Map<String, Map<String, Long>> versionsByRequest = new HashMap<>();

        void record(String table, RowDeleter.Deleted deleted) {
            deleted.rowsByRequest().forEach((request, rows) -> {
                rowsByRequest.computeIfAbsent(request, r -> new LinkedHashMap<>()).put(table, rows);
                versionsByRequest.computeIfAbsent(request, r -> new LinkedHashMap<>()).put(table, deleted.version().getAsLong());
            });
        }
    }

    private Applied apply(SparkSession spark, Lake lake, KeyedHash hash, List<DeletionRequest> requests, StageResult.Builder result) {
        Dataset<Row> named = requestsFrame(spark, hash, requests);
        RowDeleter deleter = new RowDeleter(spark);
        Applied applied = new Applied();

        // Gold first: its examples are found by the record keys of the bronze and silver rows, so
        // those rows must still be there.
        Dataset<Row> recordKeysFound = deletedRecordKeys(spark, lake, hash, requests, named);
        Dataset<Row> recordKeys = recordKeysFound == null ? null : recordKeysFound.localCheckpoint(true);
        // Every example a request names is the requesting user's: only the files whose subject_hash
        // range holds one of these users are read, all users in one commit.
        StatsRange subjects = new StatsRange(GoldSchema.SUBJECT_HASH,
                requests.stream().map(r -> hash.of(r.userId())).distinct().toList());
        Map<String, String> goldByPath = new LinkedHashMap<>();
        GoldTables.list(spark, lake).forEach(dataset -> goldByPath.put(lake.gold(dataset), "gold/" + dataset));
        new FanOutDeleter(spark, lake.system(GOLD_STAGING)).delete(List.copyOf(goldByPath.keySet()), subjects,
                        gold -> goldVictims(gold, recordKeys, named), List.of(GoldSchema.EXAMPLE_ID))
                .forEach((path, deleted) -> record(result, applied, goldByPath.get(path), deleted));
        for (Source source : Source.content()) {
            String path = lake.silver(source);
            if (covers(requests, source) && DeltaTables.exists(spark, path)) {
                record(result, applied, "silver/" + source.folder(),
                        deleter.delete(path, Removal.MARK_LARGE, rows -> victims(rows, source, named), BRONZE_KEYS));
            }
        }
        if (DeltaTables.exists(spark, lake.quarantine())) {
            record(result, applied, "quarantine", deleter.delete(lake.quarantine(), Removal.MARK_LARGE, quarantine -> quarantine.as("t")
                    .join(broadcast(named.as("r")), DeletionMatch.quarantineCondition(col("t.source"), col("t.raw_line")))
                    .select(col("t.source"), col("t.file"), col("t.line"), col("r." + RowDeleter.REQUEST_HASH),
                            col("t." + RowDeleter.FILE)), QUARANTINE_KEYS));
        }
        for (Source source : Source.values()) {
            String path = lake.bronze(source);
            if (source != Source.DELETIONS && covers(requests, source) && DeltaTables.exists(spark, path)) {
                RowDeleter.Deleted deleted = deleter.delete(path, Removal.MARK_LARGE, rows -> victims(rows, source, named), BRONZE_KEYS);
                record(result, applied, "bronze/" + source.folder(), deleted);
                if (source.isContent() && deleted.rows() > 0) {
                    result.source(source.folder(), SourceCounts.governed(0, Map.of("deleted", deleted.rows())));
                }
            }
        }
        return applied;
    }

    private static void record(StageResult.Builder result, Applied applied, String table, RowDeleter.Deleted deleted) {
        applied.record(table, deleted);
        result.metric("rows_deleted", deleted.rows());
        result.metric("files_read", deleted.filesRead());
        result.metric("files_touched", deleted.filesTouched());
        deleted.version().ifPresent(v -> result.output(table, v));
    }

    private static Dataset<Row> requestsFrame(SparkSession spark, KeyedHash hash, List<DeletionRequest> requests) {
        List<Row> rows = requests.stream().map(r -> RowFactory.create(hash.of(r.requestId()), r.userId(), hash.of(r.userId()),
                r.targetId(), hash.of(r.targetId()), r.scope(), Timestamp.from(r.requestedAt()))).toList();
        return spark.createDataFrame(rows, REQUESTS);
    }

    /** Whether any of the requests can name a record of {@code source}; if not, its tables are not read. */
    private static boolean covers(List<DeletionRequest> requests, Source source) {
        Set<String> scopes = DeletionMatch.scopesCovering(source);
        return requests.stream().anyMatch(r -> scopes.contains(r.scope()));
    }

    /** Rows of a bronze or silver table of {@code source} named by a request, by bronze file and line. */
    private static Dataset<Row> victims(Dataset<Row> table, Source source, Dataset<Row> named) {
        return matches(table, source, named).select(col("t." + BronzeSchema.SOURCE_FILE), col("t." + BronzeSchema.LINE),
                col("r." + RowDeleter.REQUEST_HASH), col("t." + RowDeleter.FILE));
    }

    private static Dataset<Row> matches(Dataset<Row> table, Source source, Dataset<Row> named) {
        Column target = DeletionMatch.targetColumn(source).map(c -> col("t." + c)).orElse(null);
        Column condition = DeletionMatch.condition(source, col("t." + DeletionMatch.userColumn(source)), target,
                col("t." + source.createdAtField()));
        return table.as("t").join(broadcast(named.as("r")), condition);
    }

    /** The record keys (as gold's lineage holds them) of every bronze and silver row a request names. */
    private static Dataset<Row> deletedRecordKeys(SparkSession spark, Lake lake, KeyedHash hash, List<DeletionRequest> requests,
                                                 Dataset<Row> named) {
        Dataset<Row> keys = null;
        for (Source source : Source.content()) {
            if (!covers(requests, source)) {
                continue;
            }
            for (String path : List.of(lake.bronze(source), lake.silver(source))) {
                if (DeltaTables.exists(spark, path)) {
                    Dataset<Row> some = matches(spark.read().format("delta").load(path), source, named)
                            .select(RecordKeys.record(hash, source, col("t." + source.naturalKey())).as("record_key"),
                                    col("r." + RowDeleter.REQUEST_HASH));
                    keys = keys == null ? some : keys.unionByName(some);
                }
            }
        }
        return keys == null ? null : keys.distinct();
    }

    /**
     * Gold examples a request names: those built from a named record, and for account and
     * all-assistant-data requests every example of the subject (up to the request for the latter).
     */
    private static Dataset<Row> goldVictims(Dataset<Row> gold, Dataset<Row> deletedRecordKeys, Dataset<Row> named) {
        Column scope = col("r." + DeletionMatch.SCOPE);
        Column bySubject = col("t." + GoldSchema.SUBJECT_HASH).equalTo(col("r.user_hash")).and(
                scope.equalTo(DeletionScope.ACCOUNT.wireName()).or(scope.equalTo(DeletionScope.ALL_ASSISTANT_DATA.wireName())
                        .and(col("t." + GoldSchema.KIND).notEqual(lit("api")))
                        .and(col("t." + GoldSchema.CREATED_AT).leq(col("r." + DeletionMatch.REQUESTED_AT)))));
        Dataset<Row> victims = gold.as("t").join(broadcast(named.as("r")), bySubject)
                .select(col("t." + GoldSchema.EXAMPLE_ID), col("r." + RowDeleter.REQUEST_HASH), col("t." + RowDeleter.FILE));
        if (deletedRecordKeys != null) {
            Dataset<Row> keyed = gold.select(col(GoldSchema.EXAMPLE_ID), col(RowDeleter.FILE),
                    explode(col(GoldSchema.SOURCE_RECORD_KEYS)).as("record_key"));
            victims = victims.unionByName(keyed.join(deletedRecordKeys, "record_key")
                    .select(GoldSchema.EXAMPLE_ID, RowDeleter.REQUEST_HASH, RowDeleter.FILE));
        }
        return victims.distinct();
    }

    private static LedgerEntry entry(DeletionRequest request, KeyedHash hash, Instant now, String runId, Applied applied) {
        String requestHash = hash.of(request.requestId());
        return new LedgerEntry(requestHash, hash.of(request.userId()), hash.of(request.targetId()), request.scope(),
                request.valid() ? LedgerEntry.APPLIED : LedgerEntry.REJECTED,
                request.requestedAt().toString(), now.toString(), runId,
                applied.versionsByRequest.getOrDefault(requestHash, Map.of()),
                applied.rowsByRequest.getOrDefault(requestHash, Map.of()), null, null);
    }

    /**
     * Deletes the raw rows of every user with an applied account deletion from bronze/deletions:
     * the ledger keeps their hashes, so the raw user id leaves the lake. Runs every time, so a row
     * left by a failed run or landed again is removed too.
     */
    private static void scrubAccountRequests(SparkSession spark, Lake lake, KeyedHash hash, DeletionLedger ledger,
                                             StageResult.Builder result) {
        String path = lake.bronze(Source.DELETIONS);
        if (!DeltaTables.exists(spark, path) || !ledger.exists()) {
            return;
        }
        Dataset<Row> accounts = ledger.deletedAccounts();
        RowDeleter.Deleted deleted = new RowDeleter(spark).delete(path, Removal.MARK_LARGE, rows -> rows
                .withColumn("user_hash", hash.column(col("user_id")))
                .join(broadcast(accounts), "user_hash")
                .withColumn(RowDeleter.REQUEST_HASH, hash.column(col("request_id")))
                .select(BronzeSchema.SOURCE_FILE, BronzeSchema.LINE, RowDeleter.REQUEST_HASH, RowDeleter.FILE), BRONZE_KEYS);
        result.metric("rows_deleted", deleted.rows());
        deleted.version().ifPresent(v -> result.output("bronze/deletions", v));
    }

    private static void purge(SparkSession spark, Lake lake, DeletionLedger ledger, Instant now, int retentionHours,
                              String runId, StageResult.Builder result) {
        List<LedgerEntry> due = ledger.duePurges(now, retentionHours);
        if (due.isEmpty()) {
            return;
        }
        Set<String> tables = new LinkedHashSet<>();
        for (LedgerEntry entry : due) {
            tables.addAll(entry.appliedVersions().keySet());
            if (DeletionScope.ACCOUNT.wireName().equals(entry.scope())) {
                tables.add("bronze/" + Source.DELETIONS.folder());
            }
        }
        DiskEraser eraser = new DiskEraser(spark);
        for (String table : tables) {
            DiskEraser.Erased erased = eraser.erase(lake.path(table));
            result.metric("log_files_deleted", erased.logFilesDeleted());
            result.metric("tables_purged", 1);
        }
        ledger.markPurged(due.stream().map(LedgerEntry::requestHash).toList(), Instant.now(), runId);
        result.metric("requests_purged", due.size());
    }

}
