package com.connekz.pipeline.launch;

/** A request to Airflow that did not succeed, with the reason a caller acts on. */
public final class AirflowException extends RuntimeException {

    /** Why Airflow refused or could not be reached. */
    public enum Reason {
        /** 401 or 403, or no credentials at all: retrying cannot help. */
        AUTHENTICATION,
        /** 404: no such DAG, or no such run of it. */
        NOT_FOUND,
        /** 409: a run with this id exists already. */
        RUN_EXISTS,
        /** 5xx or no connection, still so after the bounded retries. */
        UNAVAILABLE,
        /** Any other answer, or one this client cannot read. */
        UNEXPECTED_RESPONSE,
        /** The run did not finish within the time allowed for waiting. */
        TIMEOUT
    }

    private final Reason reason;

    public AirflowException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public AirflowException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
