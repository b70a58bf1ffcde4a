package com.connekz.pipeline.run;

import com.connekz.pipeline.config.PipelineConfig;

/** The version of the redaction rules a run works under, as recorded in the run ledger and lineage. */
public final class RedactionPolicyVersion {
    public static final String UNKNOWN = "unknown";

    private RedactionPolicyVersion() {}

    /**
     * The {@code version} of the redaction policy the configuration names (the shipped policy when
     * its file is absent), or {@value #UNKNOWN} when the policy cannot be read.
     */
    public static String of(PipelineConfig config) {
        try {
            String version = config.redaction().loadPolicy().version();
            return version == null || version.isBlank() ? UNKNOWN : version;
        } catch (RuntimeException unreadable) {
            return UNKNOWN;
        }
    }
}
