package com.connekz.pipeline.datasets;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json} of an exported dataset version: a training job reads it, checks every file's
 * SHA-256 and size, and knows exactly which version and build it trains on.
 *
 * @param files paths relative to the export folder, with their size and SHA-256
 */
public record ExportManifest(
        @JsonProperty("dataset") String dataset,
        @JsonProperty("version") long version,
        @JsonProperty("format") String format,
        @JsonProperty("exported_at") String exportedAt,
        @JsonProperty("rows") long rows,
        @JsonProperty("rows_by_kind") Map<String, Long> rowsByKind,
        @JsonProperty("rows_by_split") Map<String, Long> rowsBySplit,
        @JsonProperty("files") List<ExportedFile> files,
        @JsonProperty("build") BuildMetadata build) {

    public record ExportedFile(
            @JsonProperty("path") String path,
            @JsonProperty("bytes") long bytes,
            @JsonProperty("sha256") String sha256) {
    }
}
