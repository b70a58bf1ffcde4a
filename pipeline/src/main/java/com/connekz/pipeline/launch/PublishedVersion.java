package com.connekz.pipeline.launch;

import java.util.Objects;

/**
 * One version of a gold dataset, as a training run pins it.
 *
 * @param dataset  the dataset's NAME: its path under {@code gold/} ({@code assistant}, {@code instances/<id>})
 * @param version  the Delta version of its table
 * @param path     where the table lives (local path or s3a:// URI)
 * @param manifest where the version's manifest lives
 * @param audit    what the audits said about this version
 */
public record PublishedVersion(String dataset, long version, String path, String manifest, AuditVerdict audit) {
    public PublishedVersion {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(manifest, "manifest");
        Objects.requireNonNull(audit, "audit");
    }
}
