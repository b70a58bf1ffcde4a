package com.connekz.pipeline.audit;

import com.connekz.pipeline.run.RecordedStage;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Where one dataset version came from, as {@code audit dataset} prints it: the build's commit
 * metadata, every run ledger row of the runs that produced it, whether and how it was published,
 * and its row counts. Figures, table names and hashes only.
 *
 * @param build       the build behind the version (null when no commit up to it carries build metadata)
 * @param publication the publication record (null when the version was not published)
 * @param runs        ledger rows (stages and whole runs) of the build run and of the runs that
 *                    committed the table versions the build read, oldest first
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DatasetProvenance(
        @JsonProperty("dataset") String dataset,
        @JsonProperty("version") long version,
        @JsonProperty("committed_at") String committedAt,
        @JsonProperty("operation") String operation,
        @JsonProperty("build") Build build,
        @JsonProperty("published") boolean published,
        @JsonProperty("publication") Publication publication,
        @JsonProperty("rows") long rows,
        @JsonProperty("rows_by_kind") Map<String, Long> rowsByKind,
        @JsonProperty("rows_by_split") Map<String, Long> rowsBySplit,
        @JsonProperty("runs") List<RecordedStage> runs) {

    /**
     * The build's commit metadata.
     *
     * @param builtVersion  the version whose commit holds it (earlier than {@code version} after a deletion's rewrite)
     * @param inputs        input table to the Delta version read
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Build(
            @JsonProperty("run_id") String runId,
            @JsonProperty("code_version") String codeVersion,
            @JsonProperty("config_hash") String configHash,
            @JsonProperty("inputs") Map<String, Long> inputs,
            @JsonProperty("built_version") long builtVersion,
            @JsonProperty("build_started_at") String buildStartedAt) {
    }

    /** @param audits the verdicts the gate recorded when it published the version */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Publication(
            @JsonProperty("run_id") String runId,
            @JsonProperty("published_at") String publishedAt,
            @JsonProperty("audits") JsonNode audits) {
    }

    /** Excluded records per reason over the govern stages of {@link #runs}. */
    @JsonProperty("excluded_by_reason")
    public Map<String, Long> excludedByReason() {
        Map<String, Long> excluded = new java.util.TreeMap<>();
        stageRows().forEach(stage -> stage.counts().values()
                .forEach(c -> c.excludedByReason().forEach((reason, n) -> excluded.merge(reason, n, Long::sum))));
        return excluded;
    }

    /** Redacted entities per type over the stages of {@link #runs}. */
    @JsonProperty("redacted_entities")
    public Map<String, Long> redactedEntities() {
        Map<String, Long> redacted = new java.util.TreeMap<>();
        stageRows().forEach(stage -> stage.redactedEntities().forEach((type, n) -> redacted.merge(type, n, Long::sum)));
        return redacted;
    }

    private java.util.stream.Stream<RecordedStage> stageRows() {
        return runs.stream().filter(stage -> !"*".equals(stage.stage()));
    }
}
