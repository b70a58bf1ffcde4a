package com.connekz.pipeline.audit;

/** An audit found a violation: the run fails and the versions it built are not published. */
public final class AuditFailure extends RuntimeException {
    public AuditFailure(String message) {
        super(message);
    }
}
