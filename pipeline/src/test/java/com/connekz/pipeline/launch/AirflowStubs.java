package com.connekz.pipeline.launch;

/** Bodies Airflow's OpenAPI specs (v1 for Airflow 2, v2 for Airflow 3) define for the answers tests stub. */
final class AirflowStubs {
    private AirflowStubs() {}

    /** A v1 {@code DAGRun}. */
    static String v1DagRun(String dagId, String runId, String state) {
        return """
                {"dag_run_id": "%s", "dag_id": "%s", "logical_date": "2026-11-25T14:00:00+00:00",
                 "execution_date": "2026-11-25T14:00:00+00:00", "start_date": null, "end_date": null,
                 "data_interval_start": "2026-11-25T14:00:00+00:00", "data_interval_end": "2026-11-25T14:00:00+00:00",
                 "last_scheduling_decision": null, "run_type": "manual", "state": "%s",
                 "external_trigger": true, "conf": {}, "note": null}
                """.formatted(runId, dagId, state);
    }

    /** A v2 {@code DAGRunResponse}. */
    static String v2DagRun(String dagId, String runId, String state) {
        return """
                {"dag_run_id": "%s", "dag_id": "%s", "logical_date": "2026-11-25T14:00:00Z",
                 "queued_at": "2026-11-25T14:00:01Z", "start_date": null, "end_date": null,
                 "data_interval_start": "2026-11-25T14:00:00Z", "data_interval_end": "2026-11-25T14:00:00Z",
                 "run_after": "2026-11-25T14:00:00Z", "last_scheduling_decision": null, "run_type": "manual",
                 "state": "%s", "triggered_by": "rest_api", "conf": {}, "note": null, "dag_versions": [],
                 "bundle_version": null, "dag_display_name": "%s"}
                """.formatted(runId, dagId, state, dagId);
    }

    /** A v1 {@code Error} (problem details). */
    static String v1Error(int status, String title, String detail) {
        return """
                {"type": "https://airflow.apache.org/docs/apache-airflow/stable/stable-rest-api-ref.html#section/Errors",
                 "title": "%s", "status": %d, "detail": "%s"}
                """.formatted(title, status, detail);
    }

    /** A v2 {@code HTTPExceptionResponse}. */
    static String v2Error(String detail) {
        return "{\"detail\": \"" + detail + "\"}";
    }
}
