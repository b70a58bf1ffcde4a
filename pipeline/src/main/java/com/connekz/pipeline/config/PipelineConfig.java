package com.connekz.pipeline.config;

import com.connekz.pipeline.redact.RedactionSettings;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The whole configuration of a run, as read from {@code conf/pipeline.yaml} with overrides applied.
 * Every section has defaults, so an empty file is a valid local configuration.
 */
public record PipelineConfig(
        @JsonProperty("landing") String landing,
        @JsonProperty("lake") String lake,
        @JsonProperty("spark") SparkSettings spark,
        @JsonProperty("s3") S3Settings s3,
        @JsonProperty("hashing") HashingSettings hashing,
        @JsonProperty("deletion") DeletionSettings deletion,
        @JsonProperty("airflow") AirflowSettings airflow,
        @JsonProperty("lineage") LineageSettings lineage,
        @JsonProperty("redaction") RedactionSettings redaction) {

    public PipelineConfig {
        landing = landing == null ? "data-samples/landing" : landing;
        lake = lake == null ? "lake" : lake;
        spark = spark == null ? new SparkSettings(null, null) : spark;
        s3 = s3 == null ? new S3Settings(null, null, null, null, null, null) : s3;
        hashing = hashing == null ? new HashingSettings(null) : hashing;
        deletion = deletion == null ? new DeletionSettings(null) : deletion;
        airflow = airflow == null ? new AirflowSettings(null, null) : airflow;
        lineage = lineage == null ? new LineageSettings(null, null) : lineage;
        redaction = redaction == null ? RedactionSettings.defaults() : redaction;
    }

    /** Every key at its default. */
    public static PipelineConfig defaults() {
        return new PipelineConfig(null, null, null, null, null, null, null, null, null);
    }

    /** The same configuration with local landing and lake paths made absolute. */
    public PipelineConfig withAbsolutePaths() {
        return new PipelineConfig(Locations.absolute(landing), Locations.absolute(lake), spark, s3, hashing,
                deletion, airflow, lineage, redaction);
    }

    /** Whether the lake lives on an object store rather than a local folder. */
    public boolean lakeOnObjectStore() {
        return Locations.isObjectStore(lake);
    }

    /** Spark master and extra Spark settings; local mode gets defaults sized for a laptop. */
    public record SparkSettings(
            @JsonProperty("master") String master,
            @JsonProperty("conf") Map<String, String> conf) {
        public SparkSettings {
            master = master == null ? "local[*]" : master;
            conf = conf == null ? Map.of() : Map.copyOf(conf);
        }

        public boolean local() {
            return master.startsWith("local");
        }
    }

    /** How to reach an S3-compatible store for {@code s3a://} roots; keys come from the environment. */
    public record S3Settings(
            @JsonProperty("endpoint") String endpoint,
            @JsonProperty("region") String region,
            @JsonProperty("path_style_access") Boolean pathStyleAccess,
            @JsonProperty("ssl") Boolean ssl,
            @JsonProperty("access_key_env") String accessKeyEnv,
            @JsonProperty("secret_key_env") String secretKeyEnv) {
        public S3Settings {
            region = region == null ? "us-east-1" : region;
            pathStyleAccess = pathStyleAccess != null && pathStyleAccess;
            ssl = ssl == null || ssl;
            accessKeyEnv = accessKeyEnv == null ? "AWS_ACCESS_KEY_ID" : accessKeyEnv;
            secretKeyEnv = secretKeyEnv == null ? "AWS_SECRET_ACCESS_KEY" : secretKeyEnv;
        }
    }

    /** Where the key of keyed hashes comes from: the name of an environment variable, never the key. */
    public record HashingSettings(@JsonProperty("key_env") String keyEnv) {
        public HashingSettings {
            keyEnv = keyEnv == null ? "PIPELINE_HASH_KEY" : keyEnv;
        }
    }

    /** How long deleted data may stay in old table versions before it is purged from disk. */
    public record DeletionSettings(@JsonProperty("retention_hours") Integer retentionHours) {
        public DeletionSettings {
            retentionHours = retentionHours == null ? 168 : retentionHours;
        }
    }

    /** The Airflow that training runs are launched on; credentials come from the environment. */
    public record AirflowSettings(
            @JsonProperty("url") String url,
            @JsonProperty("api_version") String apiVersion) {
        public AirflowSettings {
            url = url == null ? "http://localhost:8080" : url;
            apiVersion = apiVersion == null ? "auto" : apiVersion;
        }
    }

    /** Where OpenLineage events go: {@code file} (under the lake) or {@code http}. */
    public record LineageSettings(
            @JsonProperty("transport") String transport,
            @JsonProperty("url") String url) {
        public LineageSettings {
            transport = transport == null ? "file" : transport;
        }
    }
}
