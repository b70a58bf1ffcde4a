package com.connekz.pipeline.config;

import java.net.URI;
import java.util.Set;

/** The rules a configuration must meet before any work starts; the first broken one is reported. */
final class ConfigValidator {
    private static final Set<String> LINEAGE_TRANSPORTS = Set.of("file", "http", "none");
    private static final Set<String> AIRFLOW_API_VERSIONS = Set.of("auto", "v1", "v2");

    private ConfigValidator() {}

    static void validate(PipelineConfig config) {
        requireLocation("landing", config.landing());
        requireLocation("lake", config.lake());
        if (config.spark().master().isBlank()) {
            throw ConfigException.invalid("spark.master", "must not be empty");
        }
        if (config.s3().endpoint() != null) {
            requireHttpUrl("s3.endpoint", config.s3().endpoint());
        }
        if (config.hashing().keyEnv().isBlank()) {
            throw ConfigException.invalid("hashing.key_env", "must name an environment variable");
        }
        if (config.deletion().retentionHours() < 0) {
            throw ConfigException.invalid("deletion.retention_hours", "must not be negative");
        }
        requireHttpUrl("airflow.url", config.airflow().url());
        if (!AIRFLOW_API_VERSIONS.contains(config.airflow().apiVersion())) {
            throw ConfigException.invalid("airflow.api_version", "must be one of " + AIRFLOW_API_VERSIONS);
        }
        if (!LINEAGE_TRANSPORTS.contains(config.lineage().transport())) {
            throw ConfigException.invalid("lineage.transport", "must be one of " + LINEAGE_TRANSPORTS);
        }
        if ("http".equals(config.lineage().transport())) {
            if (config.lineage().url() == null) {
                throw ConfigException.invalid("lineage.url", "required when lineage.transport is http");
            }
            requireHttpUrl("lineage.url", config.lineage().url());
        }
    }

    private static void requireLocation(String key, String location) {
        if (location.isBlank()) {
            throw ConfigException.invalid(key, "must not be empty");
        }
        if (location.contains("://") && !Locations.isObjectStore(location) && !location.startsWith("file://")) {
            throw ConfigException.invalid(key, "must be a local path or an s3a:// URI");
        }
    }

    private static void requireHttpUrl(String key, String value) {
        try {
            URI uri = URI.create(value);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw ConfigException.invalid(key, "must be an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            throw ConfigException.invalid(key, "must be an http(s) URL");
        }
    }
}
