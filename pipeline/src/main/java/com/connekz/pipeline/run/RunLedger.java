package com.connekz.pipeline.run;

import static org.apache.spark.sql.functions.col;

import com.connekz.pipeline.lake.SystemTable;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code _system/runs}: one row per stage of every run, plus one row for the run as a whole
 * ({@code stage = "*"}), each with status, timing, table versions read and written, and counts.
 * Append-only: a run's rows are written once, when it ends (failed runs included). Each row names
 * the redaction policy version the run worked under; older ledgers gain that column on the next
 * append.
 */
public final class RunLedger {
    public static final String WHOLE_RUN = "*";
    public static final StructType SCHEMA = new StructType()
            .add("run_id", DataTypes.StringType)
            .add("command", DataTypes.StringType)
            .add("stage", DataTypes.StringType)
            .add("status", DataTypes.StringType)
            .add("error", DataTypes.StringType)
            .add("started_at", DataTypes.TimestampType)
            .add("ended_at", DataTypes.TimestampType)
            .add("code_version", DataTypes.StringType)
            .add("config_hash", DataTypes.StringType)
            .add("inputs_json", DataTypes.StringType)
            .add("outputs_json", DataTypes.StringType)
            .add("counts_json", DataTypes.StringType)
            .add("metrics_json", DataTypes.StringType)
            .add("redaction_policy_version", DataTypes.StringType);
    private static final ObjectMapper JSON = RunReportJson.MAPPER;
    /** The govern stage's metric prefix of redacted entities per type (whole-run rows prefix it with the stage). */
    private static final String REDACTED_ENTITIES = "redacted_entities.";
    private static final TypeReference<Map<String, Long>> LONGS = new TypeReference<>() {};
    private static final TypeReference<Map<String, SourceCounts>> COUNTS = new TypeReference<>() {};

    private final SystemTable table;

    public RunLedger(SparkSession spark, String path) {
        this.table = new SystemTable(spark, path, SCHEMA, List.of("command", "stage", "status", "started_at", "ended_at"));
    }

    /** When one stage started and ended. */
    public record Span(Instant startedAt, Instant endedAt) {}

    /**
     * Records the run's rows: each stage row with the stage's own start and end from
     * {@code spans} (the run's when a stage has none), the whole-run row with the run's;
     * {@code redactionPolicyVersion} is the policy the run's govern stage redacted with.
     */
    public void record(RunReport report, String redactionPolicyVersion, Map<String, Span> spans) {
        List<Row> rows = new ArrayList<>();
        Timestamp started = Timestamp.from(report.startedAt());
        Timestamp ended = Timestamp.from(report.endedAt());
        Span wholeRun = new Span(report.startedAt(), report.endedAt());
        for (StageResult stage : report.stages()) {
            Span span = spans.getOrDefault(stage.stage(), wholeRun);
            rows.add(row(report, stage.stage(), RunReport.SUCCEEDED, null, Timestamp.from(span.startedAt()),
                    Timestamp.from(span.endedAt()), stage.inputs(), stage.outputs(), stage.sources(), stage.metrics(),
                    redactionPolicyVersion));
        }
        if (report.failedStage() != null) {
            Span span = spans.getOrDefault(report.failedStage(), wholeRun);
            rows.add(row(report, report.failedStage(), RunReport.FAILED, report.reason(), Timestamp.from(span.startedAt()),
                    Timestamp.from(span.endedAt()), Map.of(), Map.of(), Map.of(), Map.of(), redactionPolicyVersion));
        }
        rows.add(row(report, WHOLE_RUN, report.status(), report.reason(), started, ended,
                merged(report, true), merged(report, false), report.sources(), report.metrics(), redactionPolicyVersion));
        table.append(rows);
    }

    private static Map<String, Long> merged(RunReport report, boolean inputs) {
        Map<String, Long> tables = new TreeMap<>();
        report.stages().forEach(s -> tables.putAll(inputs ? s.inputs() : s.outputs()));
        return tables;
    }

    private static Row row(RunReport report, String stage, String status, String error, Timestamp started,
            Timestamp ended, Object inputs, Object outputs, Object counts, Object metrics, String policyVersion) {
        return RowFactory.create(report.runId(), report.command(), stage, status, error, started, ended,
                report.codeVersion(), report.configHash(), json(inputs), json(outputs), json(counts), json(metrics),
                policyVersion);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The ledger rows of the given runs, ordered by start time, run and stage; empty when there is
     * no ledger yet. Rows written before a column existed read it as null.
     */
    public List<RecordedStage> read(Collection<String> runIds) {
        if (runIds.isEmpty() || !table.exists()) {
            return List.of();
        }
        Dataset<Row> ledger = table.read();
        List<RecordedStage> stages = new ArrayList<>();
        for (Row row : ledger.filter(col("run_id").isin(runIds.toArray())).orderBy("started_at", "run_id", "stage").collectAsList()) {
            Map<String, Long> metrics = new TreeMap<>(parse(row.getAs("metrics_json"), LONGS));
            Map<String, Long> redacted = new TreeMap<>();
            metrics.forEach((name, value) -> {
                int at = name.indexOf(REDACTED_ENTITIES);
                if (at >= 0) {
                    redacted.merge(name.substring(at + REDACTED_ENTITIES.length()), value, Long::sum);
                }
            });
            Map<String, RecordedStage.Counts> counts = new TreeMap<>();
            Map<String, SourceCounts> recorded = parse(row.getAs("counts_json"), COUNTS);
            recorded.forEach((source, c) -> counts.put(source, RecordedStage.Counts.of(c)));
            stages.add(new RecordedStage(row.getAs("run_id"), row.getAs("command"), row.getAs("stage"),
                    row.getAs("status"), row.getAs("error"), instant(row.getAs("started_at")), instant(row.getAs("ended_at")),
                    row.getAs("code_version"), row.getAs("config_hash"),
                    row.getAs("redaction_policy_version"),
                    new TreeMap<>(parse(row.getAs("inputs_json"), LONGS)), new TreeMap<>(parse(row.getAs("outputs_json"), LONGS)),
                    counts, redacted, metrics));
        }
        return stages;
    }

    private static String instant(Timestamp at) {
        return at == null ? null : at.toInstant().toString();
    }

    private static <T> Map<String, T> parse(String json, TypeReference<Map<String, T>> type) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable run ledger row", e);
        }
    }

    /** The runs any of whose stages committed one of the given table versions (e.g. {@code silver/chats} → 4). */
    public Set<String> runsThatWrote(Map<String, Long> tableVersions) {
        Set<String> runs = new TreeSet<>();
        if (tableVersions.isEmpty() || !table.exists()) {
            return runs;
        }
        for (Row row : table.read().filter(col("stage").notEqual(WHOLE_RUN))
                .select("run_id", "outputs_json").collectAsList()) {
            Map<String, Long> outputs = parse(row.getString(1), LONGS);
            if (outputs.entrySet().stream().anyMatch(o -> o.getValue().equals(tableVersions.get(o.getKey())))) {
                runs.add(row.getString(0));
            }
        }
        return runs;
    }
}
