package com.connekz.pipeline.datasets;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A gold dataset as {@code datasets list} presents it: its latest version in full and every
 * retained version's number, commit time and operation.
 */
public record DatasetSummary(
        @JsonProperty("dataset") String dataset,
        @JsonProperty("latest") DatasetVersion latest,
        @JsonProperty("versions") List<VersionEntry> versions) {

    public record VersionEntry(
            @JsonProperty("version") long version,
            @JsonProperty("committed_at") String committedAt,
            @JsonProperty("operation") String operation,
            @JsonProperty("run_id") String runId) {
    }
}
