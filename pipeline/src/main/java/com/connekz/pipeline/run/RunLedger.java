package com.connekz.pipeline.run;

import com.connekz.pipeline.lake.DeltaTables;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code _system/runs}: one row per stage of every run, plus one row for the run as a whole
 * ({@code stage = "*"}), each with status, timing, table versions read and written, and counts.
 * Append-only: a run's rows are written once, when it ends (failed runs included).
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
            .add("metrics_json", DataTypes.StringType);
    private static final ObjectMapper JSON = RunReportJson.MAPPER;

    private final SparkSession spark;
    private final String path;

    public RunLedger(SparkSession spark, String path) {
        this.spark = spark;
        this.path = path;
    }

    public void record(RunReport report) {
        List<Row> rows = new ArrayList<>();
        Timestamp started = Timestamp.from(report.startedAt());
        Timestamp ended = Timestamp.from(report.endedAt());
        for (StageResult stage : report.stages()) {
            rows.add(row(report, stage.stage(), RunReport.SUCCEEDED, null, started, ended,
                    stage.inputs(), stage.outputs(), stage.sources(), stage.metrics()));
        }
        if (report.failedStage() != null) {
            rows.add(row(report, report.failedStage(), RunReport.FAILED, report.reason(), started, ended,
                    Map.of(), Map.of(), Map.of(), Map.of()));
        }
        rows.add(row(report, WHOLE_RUN, report.status(), report.reason(), started, ended,
                merged(report, true), merged(report, false), report.sources(), report.metrics()));
        DeltaTables.create(spark, path, SCHEMA, List.of("command", "stage", "status", "started_at", "ended_at"));
        spark.createDataFrame(rows, SCHEMA).coalesce(1).write().format("delta").mode("append").save(path);
    }

    private static Map<String, Long> merged(RunReport report, boolean inputs) {
        Map<String, Long> tables = new TreeMap<>();
        report.stages().forEach(s -> tables.putAll(inputs ? s.inputs() : s.outputs()));
        return tables;
    }

    private static Row row(RunReport report, String stage, String status, String error, Timestamp started,
            Timestamp ended, Object inputs, Object outputs, Object counts, Object metrics) {
        return RowFactory.create(report.runId(), report.command(), stage, status, error, started, ended,
                report.codeVersion(), report.configHash(), json(inputs), json(outputs), json(counts), json(metrics));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
