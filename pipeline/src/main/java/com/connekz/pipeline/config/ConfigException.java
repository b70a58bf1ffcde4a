package com.connekz.pipeline.config;

/** An invalid configuration, naming the key and the reason; raised before Spark starts. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public static ConfigException invalid(String key, String reason) {
        return new ConfigException("invalid configuration: " + key + ": " + reason);
    }
}
