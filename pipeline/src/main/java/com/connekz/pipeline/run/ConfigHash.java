package com.connekz.pipeline.run;

import com.connekz.pipeline.config.PipelineConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of the effective configuration (it holds no secrets), recorded with runs and datasets. */
public final class ConfigHash {
    private ConfigHash() {}

    public static String of(PipelineConfig config) {
        try {
            byte[] canonical = RunReportJson.MAPPER.copy()
                    .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                    .writeValueAsBytes(config);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical)).substring(0, 16);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
