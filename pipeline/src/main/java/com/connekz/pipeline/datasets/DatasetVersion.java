package com.connekz.pipeline.datasets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One version of a gold dataset as {@code datasets show} presents it.
 *
 * @param rows          total examples in the version
 * @param rowsByKind    examples per kind
 * @param rowsBySplit   examples per split
 * @param published     whether the version passed its audits ({@code _system/publications})
 * @param build         the build metadata of the commit (null for a commit without it)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DatasetVersion(
        @JsonProperty("dataset") String dataset,
        @JsonProperty("version") long version,
        @JsonProperty("committed_at") String committedAt,
        @JsonProperty("operation") String operation,
        @JsonProperty("published") boolean published,
        @JsonProperty("rows") long rows,
        @JsonProperty("rows_by_kind") Map<String, Long> rowsByKind,
        @JsonProperty("rows_by_split") Map<String, Long> rowsBySplit,
        @JsonProperty("build") BuildMetadata build) {
}
