package com.connekz.pipeline.deletion;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One row of {@code _system/deletions}: what a request was and where and when it was applied and
 * purged, keyed by keyed hashes only.
 *
 * @param status          {@code applied}, or {@code rejected} for a request that names no target
 *                        where its scope needs one (nothing could be erased)
 * @param appliedVersions table (relative to the lake) to the version whose commit erased its rows
 * @param deletedRows     table to the rows this request erased there
 * @param purgedAt        when the erased rows were removed from disk; null until then
 */
public record LedgerEntry(
        @JsonProperty("request_hash") String requestHash,
        @JsonProperty("user_hash") String userHash,
        @JsonProperty("target_hash") String targetHash,
        @JsonProperty("scope") String scope,
        @JsonProperty("status") String status,
        @JsonProperty("requested_at") String requestedAt,
        @JsonProperty("applied_at") String appliedAt,
        @JsonProperty("applied_run_id") String appliedRunId,
        @JsonProperty("applied_versions") Map<String, Long> appliedVersions,
        @JsonProperty("deleted_rows") Map<String, Long> deletedRows,
        @JsonProperty("purged_at") String purgedAt,
        @JsonProperty("purged_run_id") String purgedRunId) {
    public static final String APPLIED = "applied";
    public static final String REJECTED = "rejected";
}
