package com.connekz.pipeline.audit;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.connekz.pipeline.datasets.GoldSchema;
import com.connekz.pipeline.datasets.RecordKeys;
import com.connekz.pipeline.govern.GovernStage;
import com.connekz.pipeline.govern.RedactionHook;
import com.connekz.pipeline.hashing.KeyedHash;
import com.connekz.pipeline.ingest.BronzeSchema;
import com.connekz.pipeline.ingest.Source;
import com.connekz.pipeline.lake.DeltaTables;
import com.connekz.pipeline.lake.Lake;
import com.connekz.pipeline.run.RecordedStage;
import com.connekz.pipeline.run.RunLedger;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code audit trace}: follows one gold example back through the silver version its build read and
 * the bronze version its govern run read to the landed file and line, checking at each step that
 * the row found there has the example's record key hash. Reads by file and line (kept in Delta's
 * statistics), never by scanning text.
 */
public final class ExampleTracer {
    private static final String POLICY_VERSION = RedactionHook.POLICY_VERSION;
    private static final String ENTITIES = "redaction_entities";
    private static final String CONSENT_EVENT_IDS = "consent_event_ids";
    private static final String GOVERN_RUN_ID = "_govern_run_id";
    private static final StructType FILE_LINE = new StructType()
            .add("_t_file", DataTypes.StringType).add("_t_line", DataTypes.LongType);

    private final SparkSession spark;
    private final Lake lake;
    private final KeyedHash hash;
    private final RunLedger ledger;

    public ExampleTracer(SparkSession spark, Lake lake, KeyedHash hash) {
        this.spark = spark;
        this.lake = lake;
        this.hash = hash;
        this.ledger = new RunLedger(spark, lake.runs());
    }

    /**
     * The trace of example {@code exampleId} in {@code version} of dataset {@code name} (latest
     * published when empty).
     *
     * @throws IllegalArgumentException when the dataset, version or example does not exist
     */
    public ExampleTrace trace(String name, Optional<Long> version, String exampleId) {
        DatasetBuild build = DatasetBuild.of(spark, lake, name, version);
        List<Row> found = spark.read().format("delta").option("versionAsOf", build.version()).load(lake.gold(name))
                .filter(col(GoldSchema.EXAMPLE_ID).equalTo(lit(exampleId)))
                .select(GoldSchema.KIND, GoldSchema.SPLIT, GoldSchema.TENANT, GoldSchema.CREATED_AT, GoldSchema.LINEAGE)
                .collectAsList();
        if (found.isEmpty()) {
            throw new IllegalArgumentException("dataset " + name + " v" + build.version() + " holds no example " + exampleId);
        }
        Row example = found.get(0);
        Map<Source, List<Row>> entriesBySource = new LinkedHashMap<>();
        for (Row entry : example.<Row>getList(4)) {
            Source source = Source.byFolder(entry.getAs("source"))
                    .orElseThrow(() -> new IllegalStateException("lineage names an unknown source"));
            entriesBySource.computeIfAbsent(source, s -> new ArrayList<>()).add(entry);
        }
        Long consentVersion = build.input("bronze/" + Source.CONSENT.folder())
                .orElseGet(() -> latest(lake.bronze(Source.CONSENT)));
        List<ExampleTrace.SourceRecord> records = new ArrayList<>();
        entriesBySource.forEach((source, entries) -> records.addAll(traceSource(build, source, entries, consentVersion)));

        String buildRunId = build.build().map(m -> m.runId()).orElse(null);
        return new ExampleTrace(name, build.version(), exampleId, example.getString(0), example.getString(1),
                example.getString(2), instant(example.get(3)), buildRunId, records, runs(records, buildRunId));
    }

    private List<ExampleTrace.SourceRecord> traceSource(DatasetBuild build, Source source, List<Row> entries, Long consentVersion) {
        Long silverVersion = build.input("silver/" + source.folder()).orElseGet(() -> latest(lake.silver(source)));
        Map<String, Row> silver = rowsAt(lake.silver(source), silverVersion, source, entries);
        Map<String, Long> bronzeVersions = new TreeMap<>();
        for (Row entry : entries) {
            String governRun = entry.getAs("govern_run_id");
            bronzeVersions.computeIfAbsent(governRun == null ? "" : governRun, run -> bronzeVersionReadBy(run, source));
        }
        Set<String> eventIds = new LinkedHashSet<>();
        silver.values().forEach(row -> {
            if (has(row, CONSENT_EVENT_IDS) && !row.isNullAt(row.fieldIndex(CONSENT_EVENT_IDS))) {
                eventIds.addAll(row.getList(row.fieldIndex(CONSENT_EVENT_IDS)));
            }
        });
        Map<String, ExampleTrace.ConsentEvent> events = consentEvents(consentVersion, eventIds);

        // One read of bronze per version the entries' govern runs read (usually one), not one per record.
        Map<Long, List<Row>> entriesByBronzeVersion = new LinkedHashMap<>();
        for (Row entry : entries) {
            String governRun = entry.getAs("govern_run_id");
            entriesByBronzeVersion.computeIfAbsent(bronzeVersions.get(governRun == null ? "" : governRun),
                    v -> new ArrayList<>()).add(entry);
        }
        Map<Long, Map<String, Row>> bronzeByVersion = new LinkedHashMap<>();
        entriesByBronzeVersion.forEach((version, sameVersion) ->
                bronzeByVersion.put(version, rowsAt(lake.bronze(source), version, source, sameVersion)));

        List<ExampleTrace.SourceRecord> records = new ArrayList<>();
        for (Row entry : entries) {
            String keyHash = entry.getAs("record_key_hash");
            String governRun = entry.getAs("govern_run_id");
            Long bronzeVersion = bronzeVersions.get(governRun == null ? "" : governRun);
            Row bronzeRow = bronzeByVersion.getOrDefault(bronzeVersion, Map.of()).get(keyHash);
            Row silverRow = silver.get(keyHash);
            List<ExampleTrace.ConsentEvent> allowedBy = new ArrayList<>();
            if (silverRow != null && has(silverRow, CONSENT_EVENT_IDS) && !silverRow.isNullAt(silverRow.fieldIndex(CONSENT_EVENT_IDS))) {
                for (Object id : silverRow.getList(silverRow.fieldIndex(CONSENT_EVENT_IDS))) {
                    Optional.ofNullable(events.get((String) id)).ifPresent(allowedBy::add);
                }
            }
            records.add(new ExampleTrace.SourceRecord(source.folder(), keyHash, entry.getAs("bronze_file"),
                    entry.<Long>getAs("bronze_line"),
                    bronzeRow != null ? bronzeRow.getAs(BronzeSchema.RUN_ID) : entry.getAs("bronze_run_id"),
                    bronzeRow != null ? instant(bronzeRow.getAs(BronzeSchema.INGESTED_AT)) : null,
                    governRun != null ? governRun : silverRow == null ? null : silverRow.getAs(GOVERN_RUN_ID),
                    silverVersion, silverRow != null, bronzeVersion, bronzeRow != null,
                    silverRow != null && has(silverRow, POLICY_VERSION) ? silverRow.getAs(POLICY_VERSION) : null,
                    silverRow != null && has(silverRow, ENTITIES) && !silverRow.isNullAt(silverRow.fieldIndex(ENTITIES))
                            ? new TreeMap<>(silverRow.<String, Long>getJavaMap(silverRow.fieldIndex(ENTITIES))) : Map.of(),
                    allowedBy));
        }
        return records;
    }

    /**
     * The rows of a table version at the entries' files and lines, keyed by the hash of their
     * natural key: a row at the right place with another key is not the record and is left out.
     */
    private Map<String, Row> rowsAt(String path, Long version, Source source, List<Row> entries) {
        if (version == null || !DeltaTables.exists(spark, path)) {
            return Map.of();
        }
        List<Row> places = entries.stream()
                .map(e -> RowFactory.create(e.<String>getAs("bronze_file"), e.<Long>getAs("bronze_line"))).toList();
        Dataset<Row> wanted = spark.createDataFrame(places, FILE_LINE);
        Dataset<Row> table = spark.read().format("delta").option("versionAsOf", version).load(path);
        List<String> keep = new ArrayList<>(List.of(source.naturalKey(), BronzeSchema.RUN_ID, BronzeSchema.INGESTED_AT));
        for (String optional : List.of(GOVERN_RUN_ID, POLICY_VERSION, ENTITIES, CONSENT_EVENT_IDS)) {
            if (Arrays.asList(table.columns()).contains(optional)) {
                keep.add(optional);
            }
        }
        List<Row> rows = table.join(wanted, col(BronzeSchema.SOURCE_FILE).equalTo(col("_t_file"))
                        .and(col(BronzeSchema.LINE).equalTo(col("_t_line"))))
                .select(keep.stream().map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new))
                .collectAsList();
        Map<String, Row> byKeyHash = new LinkedHashMap<>();
        for (Row row : rows) {
            byKeyHash.put(RecordKeys.record(hash, source, row.getString(0)), row);
        }
        return byKeyHash;
    }

    /** The bronze version the govern run read (from the run ledger), or the latest when the run is not recorded. */
    private Long bronzeVersionReadBy(String governRunId, Source source) {
        String table = "bronze/" + source.folder();
        return ledger.read(List.of(governRunId)).stream()
                .filter(stage -> GovernStage.NAME.equals(stage.stage()) && stage.inputs().containsKey(table))
                .map(stage -> stage.inputs().get(table))
                .findFirst()
                .orElseGet(() -> latest(lake.bronze(source)));
    }

    private Map<String, ExampleTrace.ConsentEvent> consentEvents(Long version, Set<String> eventIds) {
        if (version == null || eventIds.isEmpty()) {
            return Map.of();
        }
        Map<String, ExampleTrace.ConsentEvent> events = new TreeMap<>();
        spark.read().format("delta").option("versionAsOf", version).load(lake.bronze(Source.CONSENT))
                .filter(col("event_id").isin(eventIds.toArray()))
                .select("event_id", "purpose", "granted", "effective_at", "policy_version")
                .collectAsList()
                .forEach(row -> events.put(row.getString(0), new ExampleTrace.ConsentEvent(hash.of(row.getString(0)),
                        row.getString(1), row.isNullAt(2) ? null : row.getBoolean(2), instant(row.get(3)), row.getString(4))));
        return events;
    }

    /** The ingest, govern and build runs of the records, in that order, with what the ledger says of each. */
    private List<ExampleTrace.RunStep> runs(List<ExampleTrace.SourceRecord> records, String buildRunId) {
        Map<String, String> stepOf = new LinkedHashMap<>();
        records.forEach(r -> putIfPresent(stepOf, r.ingestRunId(), "ingest"));
        records.forEach(r -> putIfPresent(stepOf, r.governRunId(), "govern"));
        putIfPresent(stepOf, buildRunId, "build");
        Map<String, RecordedStage> recorded = new LinkedHashMap<>();
        ledger.read(stepOf.keySet()).stream()
                .filter(stage -> RunLedger.WHOLE_RUN.equals(stage.stage()))
                .forEach(stage -> recorded.put(stage.runId(), stage));
        List<ExampleTrace.RunStep> steps = new ArrayList<>();
        stepOf.forEach((runId, step) -> {
            RecordedStage run = recorded.get(runId);
            steps.add(run == null
                    ? new ExampleTrace.RunStep(step, runId, null, null, null, null, null)
                    : new ExampleTrace.RunStep(step, runId, run.status(), run.startedAt(), run.endedAt(),
                            run.codeVersion(), run.redactionPolicyVersion()));
        });
        return steps;
    }

    private static void putIfPresent(Map<String, String> stepOf, String runId, String step) {
        if (runId != null) {
            stepOf.merge(runId, step, (steps, more) -> List.of(steps.split(",")).contains(more) ? steps : steps + "," + more);
        }
    }

    private Long latest(String path) {
        var version = DeltaTables.version(spark, path);
        return version.isPresent() ? version.getAsLong() : null;
    }

    private static boolean has(Row row, String field) {
        return Arrays.asList(row.schema().fieldNames()).contains(field);
    }

    private static String instant(Object value) {
        return value instanceof Timestamp at ? at.toInstant().toString() : null;
    }
}
