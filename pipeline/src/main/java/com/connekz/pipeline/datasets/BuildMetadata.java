package com.connekz.pipeline.datasets;

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
 */
public record BuildMetadata(
        @JsonProperty("run_id") String runId,
        @JsonProperty("code_version") String codeVersion,
        @JsonProperty("config_hash") String configHash,
        @JsonProperty("inputs") Map<String, Long> inputs) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public BuildMetadata {
        inputs = new TreeMap<>(inputs);
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
