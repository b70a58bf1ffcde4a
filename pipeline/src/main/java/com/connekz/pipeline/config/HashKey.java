package com.connekz.pipeline.config;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The secret key of keyed hashes (HMAC-SHA256). It comes from the environment; a local run without
 * it uses a fixed development key and says so, a run whose lake is on an object store refuses.
 *
 * @param bytes       the key material
 * @param development whether this is the fixed development key
 */
public record HashKey(byte[] bytes, boolean development) {
    static final String DEVELOPMENT_KEY = "connekz-development-key-not-for-production";

    public static HashKey resolve(PipelineConfig config, Map<String, String> environment) {
        String variable = config.hashing().keyEnv();
        String value = environment.get(variable);
        if (value != null && !value.isEmpty()) {
            return new HashKey(value.getBytes(StandardCharsets.UTF_8), false);
        }
        if (config.lakeOnObjectStore()) {
            throw new ConfigException("no hashing key: set " + variable
                    + " (a lake on an object store never uses the development key)");
        }
        return new HashKey(DEVELOPMENT_KEY.getBytes(StandardCharsets.UTF_8), true);
    }

    @Override
    public String toString() {
        return development ? "HashKey[development]" : "HashKey[from environment]";
    }
}
