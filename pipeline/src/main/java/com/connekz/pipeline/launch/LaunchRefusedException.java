package com.connekz.pipeline.launch;

/** A training launch refused before Airflow was asked: no such version, or it did not pass its audits. */
public final class LaunchRefusedException extends RuntimeException {
    public LaunchRefusedException(String message) {
        super(message);
    }
}
