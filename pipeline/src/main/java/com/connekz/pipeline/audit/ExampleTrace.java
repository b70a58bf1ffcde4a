package com.connekz.pipeline.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The lineage of one gold example, step by step back to the landed lines, as {@code audit trace}
 * prints it. Identifiers are keyed hashes; there is no text and no raw id.
 *
 * @param records one entry per source record the example was built from
 * @param runs    the runs that moved it (ingest, govern, build) as the run ledger recorded them
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ExampleTrace(
        @JsonProperty("dataset") String dataset,
        @JsonProperty("version") long version,
        @JsonProperty("example_id") String exampleId,
        @JsonProperty("kind") String kind,
        @JsonProperty("split") String split,
        @JsonProperty("tenant") String tenant,
        @JsonProperty("created_at") String createdAt,
        @JsonProperty("build_run_id") String buildRunId,
        @JsonProperty("records") List<SourceRecord> records,
        @JsonProperty("runs") List<RunStep> runs) {

    /**
     * One source record of the example, in silver, bronze and the landing zone.
     *
     * @param recordKeyHash          keyed hash of {@code <source>/<natural key>}
     * @param landedFile             the landed file the record was read from
     * @param landedLine             its line in that file (from 1)
     * @param silverVersion          the silver version the build read
     * @param silverFound            the record is in that silver version under the same key hash
     * @param bronzeVersion          the bronze version the govern run read (latest when unknown)
     * @param bronzeFound            the record is in that bronze version under the same key hash
     * @param redactionPolicyVersion the redaction policy that cleaned the silver row
     * @param redactedEntities       entities redacted in the record, per type
     * @param consentEvents          the consent events that allowed the record
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SourceRecord(
            @JsonProperty("source") String source,
            @JsonProperty("record_key_hash") String recordKeyHash,
            @JsonProperty("landed_file") String landedFile,
            @JsonProperty("landed_line") long landedLine,
            @JsonProperty("ingest_run_id") String ingestRunId,
            @JsonProperty("ingested_at") String ingestedAt,
            @JsonProperty("govern_run_id") String governRunId,
            @JsonProperty("silver_version") Long silverVersion,
            @JsonProperty("silver_found") boolean silverFound,
            @JsonProperty("bronze_version") Long bronzeVersion,
            @JsonProperty("bronze_found") boolean bronzeFound,
            @JsonProperty("redaction_policy_version") String redactionPolicyVersion,
            @JsonProperty("redacted_entities") Map<String, Long> redactedEntities,
            @JsonProperty("consent_events") List<ConsentEvent> consentEvents) {
    }

    /** A consent event by keyed hash of its id: purpose, whether it granted, when it took effect. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ConsentEvent(
            @JsonProperty("event_hash") String eventHash,
            @JsonProperty("purpose") String purpose,
            @JsonProperty("granted") Boolean granted,
            @JsonProperty("effective_at") String effectiveAt,
            @JsonProperty("policy_version") String policyVersion) {
    }

    /** One run that moved the example, as recorded in {@code _system/runs} (status null when not recorded). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RunStep(
            @JsonProperty("step") String step,
            @JsonProperty("run_id") String runId,
            @JsonProperty("status") String status,
            @JsonProperty("started_at") String startedAt,
            @JsonProperty("ended_at") String endedAt,
            @JsonProperty("code_version") String codeVersion,
            @JsonProperty("redaction_policy_version") String redactionPolicyVersion) {
    }
}
