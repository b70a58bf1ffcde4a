package com.connekz.pipeline.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Deletions as they bear on one dataset version: the requests applied before it was committed, and
 * whether any of its examples still belongs to a subject who asked for all their data to go.
 *
 * @param passed                 no example of the version predates an applied {@code account} or
 *                               {@code all_assistant_data} deletion of its subject
 * @param requestsApplied        deletion requests applied before the version was committed
 * @param appliedByScope         those requests per scope
 * @param requestsPurged         of those, the ones already erased from disk
 * @param rowsErasedFromDataset  rows the deletions removed from this dataset's table
 * @param examplesOfErasedSubjects examples that should have been erased (0 when passed)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DeletionVerdict(
        @JsonProperty("dataset") String dataset,
        @JsonProperty("version") long version,
        @JsonProperty("passed") boolean passed,
        @JsonProperty("requests_applied") long requestsApplied,
        @JsonProperty("applied_by_scope") Map<String, Long> appliedByScope,
        @JsonProperty("requests_purged") long requestsPurged,
        @JsonProperty("rows_erased_from_dataset") long rowsErasedFromDataset,
        @JsonProperty("examples_of_erased_subjects") long examplesOfErasedSubjects) {
}
