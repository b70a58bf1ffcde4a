package com.connekz.pipeline.launch;

import java.util.Objects;

/**
 * What the audits said about one dataset version. Only {@link Status#PASSED} lets a training run
 * start; a version never audited counts as not passed.
 *
 * @param status the outcome
 * @param reason why it did not pass (names of the failed checks), empty when it passed
 */
public record AuditVerdict(Status status, String reason) {

    public enum Status { PASSED, FAILED, NOT_AUDITED }

    public AuditVerdict {
        Objects.requireNonNull(status, "status");
        reason = reason == null ? "" : reason;
    }

    public static AuditVerdict passed() {
        return new AuditVerdict(Status.PASSED, "");
    }

    public static AuditVerdict failed(String reason) {
        return new AuditVerdict(Status.FAILED, reason);
    }

    public static AuditVerdict notAudited() {
        return new AuditVerdict(Status.NOT_AUDITED, "no audit recorded for this version");
    }

    public boolean passedAudits() {
        return status == Status.PASSED;
    }
}
