package com.connekz.pipeline.launch;

/**
 * One DAG run as Airflow reports it.
 *
 * @param dagId the DAG's id
 * @param runId the run's {@code dag_run_id}
 * @param state where the run is now
 */
public record DagRun(String dagId, String runId, DagRunState state) {}
