package com.connekz.pipeline.launch;

import java.util.Locale;

/** The state of a DAG run, as both Airflow APIs name it. */
public enum DagRunState {
    QUEUED(false),
    RUNNING(false),
    SUCCESS(true),
    FAILED(true);

    private final boolean terminal;

    DagRunState(boolean terminal) {
        this.terminal = terminal;
    }

    /** Whether the run has finished and its state can no longer change on its own. */
    public boolean terminal() {
        return terminal;
    }

    /** Reads Airflow's lower-case name; an unknown state is an error, never taken for success. */
    public static DagRunState of(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new AirflowException(AirflowException.Reason.UNEXPECTED_RESPONSE,
                    "Airflow answered an unknown DAG run state: " + name);
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
