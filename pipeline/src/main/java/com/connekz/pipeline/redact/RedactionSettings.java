package com.connekz.pipeline.redact;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;

/**
 * The {@code redaction} section of {@code pipeline.yaml}: where the redaction policy lives and the
 * lowest recall per type the nightly canary may score before a run fails.
 *
 * @param policy      path of the policy file; when it does not exist the policy shipped in the jar is used
 * @param canaryFloor lowest acceptable canary recall of every type, in [0, 1]
 */
public record RedactionSettings(
        @JsonProperty("policy") String policy,
        @JsonProperty("canary_floor") Double canaryFloor) {
    public static final String DEFAULT_POLICY = "conf/redaction.yaml";

    public RedactionSettings {
        policy = policy == null ? DEFAULT_POLICY : policy;
        canaryFloor = canaryFloor == null ? 0.9 : canaryFloor;
        if (canaryFloor < 0 || canaryFloor > 1) {
            throw new IllegalArgumentException("redaction.canary_floor must lie in [0, 1]");
        }
    }

    public static RedactionSettings defaults() {
        return new RedactionSettings(null, null);
    }

    /** The policy this configuration names (or the shipped one when the file is absent). */
    public RedactionPolicy loadPolicy() {
        return RedactionPolicy.fileOrShipped(Path.of(policy));
    }
}
