package com.connekz.pipeline.datasets;

import com.connekz.pipeline.config.PipelineConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** Where a build's code version and configuration fingerprint come from. */
public final class CodeVersion {
    /** Set by the build or the deployment to the git commit the jar was built from. */
    public static final String ENVIRONMENT_VARIABLE = "PIPELINE_CODE_VERSION";
    static final String UNKNOWN = "unknown";

    private CodeVersion() {}

    public static String of(Map<String, String> environment) {
        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        Package pkg = CodeVersion.class.getPackage();
        String fromJar = pkg == null ? null : pkg.getImplementationVersion();
        return fromJar == null ? UNKNOWN : fromJar;
    }

    // Sorted keys make the text canonical: map iteration order differs between JVMs.
    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /** SHA-256 of the configuration's canonical JSON; it holds no secret (keys live in the environment). */
    public static String configHash(PipelineConfig config) {
        try {
            byte[] text = CANONICAL.writeValueAsString(config).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint the configuration", e);
        }
    }
}
