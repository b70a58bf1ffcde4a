package com.connekz.pipeline.datasets;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a gold version was built from, stored as the commit's user metadata: enough to rebuild it
 * or to explain it.
 *
 * @param runId       the run that committed the version
 * @param codeVersion the git commit of the code ({@code unknown} when not known)
 * @param configHash  SHA-256 of the effective configuration
 * @param inputs      input table (relative to the lake) to the Delta version read
 * @param examples    the {@link ContentFingerprint} of the examples the committed version holds;
 *                    null in the metadata shared by a build's tables and in versions built before it existed
 */
public record BuildMetadata(
        @JsonProperty("run_id") String runId,
        @JsonProperty("code_version") String codeVersion,
        @JsonProperty("config_hash") String configHash,
        @JsonProperty("inputs") Map<String, Long> inputs,
        @JsonProperty("examples") @JsonInclude(JsonInclude.Include.NON_NULL) String examples) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public BuildMetadata {
        inputs = new TreeMap<>(inputs);
    }

    public BuildMetadata(String runId, String codeVersion, String configHash, Map<String, Long> inputs) {
        this(runId, codeVersion, configHash, inputs, null);
    }

    /** This metadata for a version that holds exactly the examples {@code fingerprint} describes. */
    public BuildMetadata holding(ContentFingerprint fingerprint) {
        return new BuildMetadata(runId, codeVersion, configHash, inputs, fingerprint.toString());
    }

    /** What the committed version holds, when the build recorded it. */
    @JsonIgnore
    public java.util.Optional<ContentFingerprint> fingerprint() {
        return java.util.Optional.ofNullable(ContentFingerprint.parse(examples));
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write build metadata", e);
        }
    }

    /** The metadata of a commit, or empty for a commit that carries none or other text. */
    public static java.util.Optional<BuildMetadata> parse(String userMetadata) {
        if (userMetadata == null || userMetadata.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(JSON.readValue(userMetadata, BuildMetadata.class));
        } catch (JsonProcessingException e) {
            return java.util.Optional.empty();
        }
    }
}
