package com.connekz.pipeline.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one command run did, accounting for every record (contract section 5). Immutable.
 *
 * @param status  {@code succeeded} or {@code failed}
 * @param reason  why it failed, one line without personal data; null on success
 * @param failedStage the stage that failed, or null
 * @param stages  the result of each stage that completed, in the order run
 */
public record RunReport(
        String runId,
        String command,
        String status,
        String reason,
        String failedStage,
        Instant startedAt,
        Instant endedAt,
        String codeVersion,
        String configHash,
        List<StageResult> stages) {

    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    public RunReport {
        stages = List.copyOf(stages);
    }

    public boolean succeeded() {
        return SUCCEEDED.equals(status);
    }

    /** Counts per source over all stages of the run. */
    public Map<String, SourceCounts> sources() {
        Map<String, SourceCounts> sources = new TreeMap<>();
        for (StageResult stage : stages) {
            stage.sources().forEach((source, counts) -> sources.merge(source, counts, SourceCounts::plus));
        }
        return sources;
    }

    /** Named figures of all stages, each prefixed with its stage's name. */
    public Map<String, Long> metrics() {
        Map<String, Long> metrics = new TreeMap<>();
        for (StageResult stage : stages) {
            stage.metrics().forEach((name, value) -> metrics.merge(stage.stage() + "." + name, value, Long::sum));
        }
        return metrics;
    }
}
