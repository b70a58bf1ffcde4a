package com.connekz.pipeline.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One row of the run ledger read back: a stage of a run (or the whole run, {@code stage = "*"}) with
 * what it read, wrote and counted. Holds figures and table names only, never record content.
 *
 * @param counts            per source: read, accepted, quarantined, duplicate, used, excluded and the
 *                          per-reason maps
 * @param redactedEntities  entities redacted by this stage, per type (govern only)
 * @param metrics           every other figure the stage reported
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RecordedStage(
        @JsonProperty("run_id") String runId,
        @JsonProperty("command") String command,
        @JsonProperty("stage") String stage,
        @JsonProperty("status") String status,
        @JsonProperty("error") String error,
        @JsonProperty("started_at") String startedAt,
        @JsonProperty("ended_at") String endedAt,
        @JsonProperty("code_version") String codeVersion,
        @JsonProperty("config_hash") String configHash,
        @JsonProperty("redaction_policy_version") String redactionPolicyVersion,
        @JsonProperty("inputs") Map<String, Long> inputs,
        @JsonProperty("outputs") Map<String, Long> outputs,
        @JsonProperty("counts") Map<String, Counts> counts,
        @JsonProperty("redacted_entities") Map<String, Long> redactedEntities,
        @JsonProperty("metrics") Map<String, Long> metrics) {

    /** One source's counts in one stage (contract section 5). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Counts(
            @JsonProperty("read") long read,
            @JsonProperty("accepted") long accepted,
            @JsonProperty("quarantined") long quarantined,
            @JsonProperty("duplicate") long duplicate,
            @JsonProperty("used") long used,
            @JsonProperty("excluded") long excluded,
            @JsonProperty("quarantined_by_reason") Map<String, Long> quarantinedByReason,
            @JsonProperty("excluded_by_reason") Map<String, Long> excludedByReason) {

        static Counts of(SourceCounts counts) {
            return new Counts(counts.read(), counts.accepted(), counts.quarantined(), counts.duplicate(),
                    counts.used(), counts.excluded(), new java.util.TreeMap<>(counts.quarantinedByReason()),
                    new java.util.TreeMap<>(counts.excludedByReason()));
        }
    }
}
