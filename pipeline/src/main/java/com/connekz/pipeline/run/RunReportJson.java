package com.connekz.pipeline.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Map;

/** The run report as the one JSON object of contract section 5 (and a little more). */
public final class RunReportJson {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private RunReportJson() {}

    public static ObjectNode toJson(RunReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("run_id", report.runId());
        root.put("command", report.command());
        root.put("status", report.status());
        root.put("reason", report.reason());
        root.put("failed_stage", report.failedStage());
        root.put("started_at", report.startedAt().toString());
        root.put("ended_at", report.endedAt().toString());
        root.put("code_version", report.codeVersion());
        root.put("config_hash", report.configHash());
        ObjectNode sources = root.putObject("sources");
        report.sources().forEach((name, counts) -> sources.set(name, counts(counts)));
        ObjectNode stages = root.putObject("stages");
        for (StageResult stage : report.stages()) {
            ObjectNode node = stages.putObject(stage.stage());
            node.set("inputs", MAPPER.valueToTree(stage.inputs()));
            node.set("outputs", MAPPER.valueToTree(stage.outputs()));
            node.set("metrics", MAPPER.valueToTree(stage.metrics()));
        }
        return root;
    }

    public static String toLine(RunReport report) {
        try {
            return MAPPER.writeValueAsString(toJson(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode counts(SourceCounts counts) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("read", counts.read());
        node.put("accepted", counts.accepted());
        node.put("quarantined", counts.quarantined());
        node.put("duplicate", counts.duplicate());
        node.put("used", counts.used());
        ObjectNode excluded = node.putObject("excluded");
        ExclusionReasons.ALL.forEach(reason -> excluded.put(reason, counts.excludedByReason().getOrDefault(reason, 0L)));
        counts.excludedByReason().forEach((reason, n) -> {
            if (!excluded.has(reason)) {
                excluded.put(reason, n);
            }
        });
        node.set("quarantined_by_reason", MAPPER.valueToTree(Map.copyOf(counts.quarantinedByReason())));
        return node;
    }
}
