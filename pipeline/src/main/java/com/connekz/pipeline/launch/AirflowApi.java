package com.connekz.pipeline.launch;

import com.connekz.pipeline.config.ConfigException;

/** The stable REST API of Airflow 2 ({@code /api/v1}) or Airflow 3 ({@code /api/v2}). */
public enum AirflowApi {
    V1("/api/v1"),
    V2("/api/v2");

    private final String basePath;

    AirflowApi(String basePath) {
        this.basePath = basePath;
    }

    public String basePath() {
        return basePath;
    }

    /**
     * The API named by config key {@code airflow.api_version}: {@code v1}, {@code v2}, or {@code auto},
     * which means v2 when a bearer token is given (Airflow 3 issues tokens) and v1 otherwise.
     */
    public static AirflowApi resolve(String configured, AirflowCredentials credentials) {
        return switch (configured) {
            case "v1" -> V1;
            case "v2" -> V2;
            case "auto" -> credentials instanceof AirflowCredentials.Bearer ? V2 : V1;
            default -> throw ConfigException.invalid("airflow.api_version", "must be auto, v1 or v2");
        };
    }
}
