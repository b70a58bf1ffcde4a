package com.connekz.pipeline.govern;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import com.connekz.pipeline.ingest.BronzeSchema;
import com.connekz.pipeline.ingest.Source;
import com.connekz.pipeline.lake.DeltaTables;
import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;

/**
 * {@code silver/<source>}: the used records of one source, one row per natural key. Each write
 * makes silver equal to the latest decision: records newly used or changed are (redacted and)
 * upserted, records no longer used (withdrawn, deleted account, gone from bronze) are removed, and
 * unchanged rows are left alone, so redaction runs only on the examples that changed or were
 * redacted under an older policy version.
 */
final class SilverTable {
    /** The run that last wrote the row. */
    static final String GOVERN_RUN_ID = "_govern_run_id";
    private static final String OPERATION = "_silver_operation";
    private static final String SILVER_PREFIX = "_silver_";
    private static final String UPSERT = "upsert";
    private static final String REMOVE = "remove";
    private static final String IN_SILVER = SILVER_PREFIX + "in_silver";

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
     * What a run decided for this source.
     *
     * @param records    the decided records (with {@value Governance#EXCLUSION_REASON} and
     *                   {@value DecisionScope#IS_NEW}): all of bronze when {@code whole}, else those
     *                   that can have changed since the last run
     * @param whole      whether {@code records} is all of bronze, so that a silver row none of them
     *                   holds is gone from bronze and leaves silver
     * @param ofExamples every bronze record, decided, of the examples whose keys the given frame
     *                   holds in its column {@value #CHANGED_EXAMPLE}
     */
    record Decided(Dataset<Row> records, boolean whole, UnaryOperator<Dataset<Row>> ofExamples) {}

    /** The column of example keys {@link Decided#ofExamples()} receives. */
    static final String CHANGED_EXAMPLE = SILVER_PREFIX + "example";

    /** The records of {@code records} that belong to the examples {@code changedExamples} names. */
    static Dataset<Row> ofExamples(Source source, Dataset<Row> records, Dataset<Row> changedExamples) {
        return records.join(changedExamples, col(source.exampleKey()).equalTo(col(CHANGED_EXAMPLE)), "left_semi");
    }

    /**
     * Makes silver hold exactly the used records of {@code decided}, in one commit, or in none when
     * silver already holds them. {@code tally} counts every decided record on the way.
     *
     * <p>Bronze is read once when silver is new. When it exists, one narrow pass (keys, content
     * hashes and decisions, no text) finds what changed against silver's own keys and hashes, and
     * only the changed examples are read in full, redacted and merged. Silver rows outside a
     * decision that is not whole are left alone.
     */
    Written write(Decided decided, DecisionTally tally, RedactionHook redaction, String runId) {
        OptionalLong existing = DeltaTables.version(spark, path);
        if (existing.isEmpty()) {
            Dataset<Row> rows = redaction.redact(source, tally.keepUsed(decided.records()).drop(DecisionScope.IS_NEW))
                    .withColumn(GOVERN_RUN_ID, lit(runId));
            rows.write().format("delta").mode("errorifexists").options(newTableProperties(source)).save(path);
            return lastCommit();
        }
        Dataset<Row> decisions = decided.records().select(decisionColumns()).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            tally.aggregate(decisions);
            Dataset<Row> changes = changes(decisions, decided.whole(), redaction.policyVersion(source))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            try {
                Map<String, Long> byOperation = new HashMap<>();
                for (Row row : changes.groupBy(OPERATION).count().collectAsList()) {
                    byOperation.put(row.getString(0), row.getLong(1));
                }
                if (byOperation.isEmpty()) {
                    return new Written(existing.getAsLong(), 0, 0, 0);
                }
                return merge(decided, changes, redaction, runId, existing.getAsLong());
            } finally {
                changes.unpersist();
            }
        } finally {
            decisions.unpersist();
        }
    }

    /** What change detection and the tally read of a decided record: keys, what silver depends on, the decision. No text. */
    private Column[] decisionColumns() {
        List<Column> columns = new ArrayList<>(keyColumns());
        columns.addAll(List.of(col(BronzeSchema.CONTENT_HASH), col(Governance.CONSENT_EVENT_IDS),
                col(Governance.TENANT), col(Governance.EXCLUSION_REASON), col(DecisionScope.IS_NEW),
                col(BronzeSchema.INGESTED_AT)));
        return columns.toArray(Column[]::new);
    }

    /**
     * The keys whose silver row must change, with their example and {@value #OPERATION}
     * {@code upsert} (used, and new or different from silver in content, consent lineage or tenant,
     * or redacted under another policy version than {@code policy}) or {@code remove} (in silver,
     * and no longer used or, for a whole decision, gone from bronze).
     * Reads no text: the join carries each record's keys and {@link SilverFingerprint} only. Keys
     * are compared exactly, not through a hash of their own: a key collision could pair a withdrawn
     * user's silver row with someone else's used record and keep it. The join stays a sort-merge
     * join, which spills, rather than a hash join holding one side of every partition in memory.
     */
    private Dataset<Row> changes(Dataset<Row> decidedColumns, boolean whole, Optional<String> policy) {
        String key = source.naturalKey();
        String storedKey = SILVER_PREFIX + key;
        String storedFingerprint = SILVER_PREFIX + SilverFingerprint.COLUMN;
        String storedPolicy = SILVER_PREFIX + RedactionHook.POLICY_VERSION;
        List<Column> decisionKeys = new ArrayList<>(keyColumns());
        decisionKeys.add(SilverFingerprint.ofDecision().as(SilverFingerprint.COLUMN));
        Dataset<Row> decisions = decidedColumns.select(decisionKeys.toArray(Column[]::new));
        Dataset<Row> silver = spark.read().format("delta").load(path);
        Column policyOfRow = List.of(silver.columns()).contains(RedactionHook.POLICY_VERSION)
                ? col(RedactionHook.POLICY_VERSION) : lit(null).cast("string");
        Dataset<Row> stored = silver.select(col(key).as(storedKey), SilverFingerprint.of().as(storedFingerprint),
                policyOfRow.as(storedPolicy));
        Column isUsed = col(key).isNotNull().and(col(SilverFingerprint.COLUMN).isNotNull());
        Column isStored = col(storedKey).isNotNull();
        Column unchanged = col(SilverFingerprint.COLUMN).equalTo(col(storedFingerprint));
        if (policy.isPresent()) {
            unchanged = unchanged.and(col(storedPolicy).eqNullSafe(lit(policy.get())));
        }
        Column operation = when(isUsed.and(not(isStored.and(unchanged))), lit(UPSERT))
                .when(isStored.and(not(isUsed)), lit(REMOVE));
        List<Column> changed = new ArrayList<>(keyColumns());
        changed.set(0, coalesce(col(key), col(storedKey)).as(key));
        changed.add(operation.as(OPERATION));
        return decisions.join(stored, col(key).equalTo(col(storedKey)), whole ? "full_outer" : "left_outer")
                .select(changed.toArray(Column[]::new))
                .filter(col(OPERATION).isNotNull());
    }

    /** The natural key, then the example key when it is another field. */
    private List<Column> keyColumns() {
        String key = source.naturalKey();
        String example = source.exampleKey();
        return example.equals(key) ? List.of(col(key)) : List.of(col(key), col(example));
    }

    /**
     * The used records of every changed example, read in full and redacted together (a
     * conversation's pseudonyms and dropped types span all its messages, not just the new one), are
     * upserted; the records to remove are removed. A record the redaction hook kept out is removed
     * too: its silver row holds an older content or an example now dropped, which must not stay.
     *
     * <p>Rows whose key silver already holds go through one MERGE, committed first; rows new to
     * silver (most of a night: its new records) are then appended. A MERGE reads and joins all of
     * silver whatever its source holds, so a night that only adds records gets no MERGE at all. A
     * run that fails between the two commits leaves silver without some new records, never with a
     * record that should have left it; the next run decides them again, as its mark did not move.
     */
    private Written merge(Decided decided, Dataset<Row> changes, RedactionHook redaction, String runId, long before) {
        String key = source.naturalKey();
        String example = source.exampleKey();
        Dataset<Row> changedExamples = changes.filter(col(OPERATION).equalTo(UPSERT)).select(col(example).as(CHANGED_EXAMPLE));
        if (!example.equals(key)) {
            changedExamples = changedExamples.distinct();
        }
        // Checkpointed: redaction reads the records and the kept-out check their keys; each would
        // otherwise scan bronze and decide it again. A checkpoint, not a cache: a cached plan that
        // reads silver stops matching once silver is written, and the write would redact again.
        Dataset<Row> changedRecords = used(decided.ofExamples().apply(changedExamples)).localCheckpoint(true);
        Dataset<Row> upserts = redaction.redact(source, changedRecords)
                .withColumn(GOVERN_RUN_ID, lit(runId))
                .withColumn(OPERATION, lit(UPSERT));
        Dataset<Row> keptOutByRedaction = changedRecords.select(col(key).as(SILVER_PREFIX + key))
                .join(upserts.select(col(key)), sameKey(key), "left_anti")
                .select(col(SILVER_PREFIX + key).as(key), lit(REMOVE).as(OPERATION));
        Dataset<Row> removals = changes.filter(col(OPERATION).equalTo(REMOVE)).unionByName(keptOutByRedaction, true);
        Dataset<Row> storedKeys = spark.read().format("delta").load(path).select(col(key).as(SILVER_PREFIX + key));
        // Checkpointed: the merge and the append read it, and Delta's MERGE would otherwise read a
        // source of plain Delta scans twice (to find the touched files, then to write them).
        Dataset<Row> operations = upserts.unionByName(removals, true)
                .join(storedKeys, sameKey(key), "left_outer")
                .withColumn(IN_SILVER, col(SILVER_PREFIX + key).isNotNull())
                .drop(SILVER_PREFIX + key)
                .localCheckpoint(true);
        Column isAdded = not(col(IN_SILVER)).and(col(OPERATION).equalTo(UPSERT));
        boolean anyInPlace = false;
        boolean anyAdded = false;
        for (Row group : operations.groupBy(col(IN_SILVER), isAdded.as("added")).count().collectAsList()) {
            anyInPlace |= group.getBoolean(0);
            anyAdded |= group.getBoolean(1);
        }
        DeltaTable silver = withColumnsOf(DeltaTable.forPath(spark, path), operations.drop(IN_SILVER));
        Written merged = new Written(before, 0, 0, 0);
        if (anyInPlace) {
            mergeInto(silver, operations.filter(col(IN_SILVER)).drop(IN_SILVER));
            merged = lastCommit();
        }
        if (!anyAdded) {
            return merged;
        }
        operations.filter(isAdded)
                .select(Arrays.stream(silver.toDF().columns()).map(column -> col("`" + column + "`")).toArray(Column[]::new))
                .write().format("delta").mode("append").save(path);
        Written appended = lastCommit();
        return new Written(appended.version(), merged.inserted() + appended.inserted(), merged.updated(), merged.removed());
    }

    private void mergeInto(DeltaTable silver, Dataset<Row> mergeSource) {
        String key = source.naturalKey();
        Map<String, String> assignments = new LinkedHashMap<>();
        for (String column : silver.toDF().columns()) {
            assignments.put("`" + column + "`", "c.`" + column + "`");
        }
        silver.as("s").merge(mergeSource.as("c"), "s.`" + key + "` = c.`" + key + "`")
                .whenMatched("c." + OPERATION + " = '" + REMOVE + "'").delete()
                .whenMatched("c." + OPERATION + " = '" + UPSERT + "'").updateExpr(assignments)
                .whenNotMatched("c." + OPERATION + " = '" + UPSERT + "'").insertExpr(assignments)
                .execute();
    }

    /**
     * Silver with every column the merge source brings that it lacks (a redaction hook's columns on a
     * silver first written unredacted), added empty for its older rows, so that the upserted rows
     * store them; without them a row would never show the policy version that redacted it.
     */
    private DeltaTable withColumnsOf(DeltaTable silver, Dataset<Row> mergeSource) {
        List<String> present = List.of(silver.toDF().columns());
        List<String> missing = new ArrayList<>();
        for (StructField field : mergeSource.schema().fields()) {
            if (!present.contains(field.name()) && !field.name().equals(OPERATION)) {
                missing.add("`" + field.name() + "` " + field.dataType().sql());
            }
        }
        if (missing.isEmpty()) {
            return silver;
        }
        spark.sql("ALTER TABLE delta.`" + path + "` ADD COLUMNS (" + String.join(", ", missing) + ")");
        return DeltaTable.forPath(spark, path);
    }

    private static Dataset<Row> used(Dataset<Row> decided) {
        return decided.filter(col(Governance.EXCLUSION_REASON).isNull()).drop(Governance.EXCLUSION_REASON);
    }

    /**
     * The properties silver is created with, in the commit of its first rows: Delta's file
     * statistics limited to non-personal columns, as statistics of text and id columns keep their
     * first 32 characters in the transaction log, where erasure by VACUUM cannot reach them; and
     * deletion vectors, which let a night's MERGE mark the few rows it removes or replaces instead of
     * rewriting every file that holds one (the rows they hide stay in the file only as they stay in
     * the old versions, until the deletion stage's purge).
     */
    static Map<String, String> newTableProperties(Source source) {
        Map<String, String> properties = new HashMap<>(DeltaTables.properties(statisticsColumns(source)));
        properties.put(DeltaTables.DELETION_VECTORS, "true");
        return properties;
    }

    /** The only columns Delta keeps min/max statistics of: instants and positions, never content or ids. */
    static List<String> statisticsColumns(Source source) {
        return List.of(source.createdAtField(), BronzeSchema.INGESTED_AT, BronzeSchema.LINE);
    }

    private Column sameKey(String key) {
        return col(key).equalTo(col(SILVER_PREFIX + key));
    }

    /** The table as it stands, for a run that writes nothing to it. */
    Written unchanged() {
        return new Written(DeltaTables.version(spark, path).orElseThrow(), 0, 0, 0);
    }

    private Written lastCommit() {
        DeltaTables.Commit commit = DeltaTables.latestCommit(spark, path).orElseThrow();
        return new Written(commit.version(),
                commit.metric("numTargetRowsInserted", commit.metric("numOutputRows", 0)),
                commit.metric("numTargetRowsUpdated", 0),
                commit.metric("numTargetRowsDeleted", 0));
    }
}
