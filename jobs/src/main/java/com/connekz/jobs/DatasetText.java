package com.connekz.jobs;

import com.connekz.pipeline.datasets.DatasetVersion;

/** The readable form of a dataset version. */
final class DatasetText {
    private DatasetText() {}

    static String version(DatasetVersion v) {
        StringBuilder text = new StringBuilder();
        text.append(v.dataset()).append("  version ").append(v.version())
                .append(v.published() ? " (published)" : " (not published)")
                .append("  committed ").append(v.committedAt()).append("  ").append(v.operation()).append('\n');
        text.append("  examples: ").append(v.rows()).append("  by kind ").append(v.rowsByKind())
                .append("  by split ").append(v.rowsBySplit()).append('\n');
        if (v.build() != null) {
            text.append("  built by run ").append(v.build().runId()).append(" from code ").append(v.build().codeVersion())
                    .append(", config ").append(v.build().configHash()).append(", inputs ").append(v.build().inputs()).append('\n');
        }
        return text.toString();
    }
}
