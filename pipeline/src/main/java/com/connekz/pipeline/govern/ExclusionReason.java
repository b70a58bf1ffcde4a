package com.connekz.pipeline.govern;

import java.util.Arrays;
import java.util.List;

/**
 * Why a record is not used, in order of precedence: a record failing several rules is counted once,
 * under the first of them in this order. Identity and age come before consent (without a known adult
 * account, consent cannot be valid), the purpose every content source needs comes before the extra
 * ones, and the notice to a call's other party comes last.
 */
public enum ExclusionReason {
    /** The record has no creation instant, so neither consent nor age can be judged at it. */
    UNKNOWN_TIME("unknown_time"),
    /** An API record without an instance: no tenant could hold it. */
    UNKNOWN_TENANT("unknown_tenant"),
    NO_ACCOUNT("no_account"),
    /** The account was deleted at or before the build instant. */
    DELETED_ACCOUNT("deleted_account"),
    UNKNOWN_AGE("unknown_age"),
    /** Under 18 at the record's instant. */
    MINOR("minor"),
    /** No {@code model_training} consent (chats, memories, calls) at the record's instant. */
    NO_CONSENT("no_consent"),
    /** Consent was held at the record's instant but the latest event as of the build withdrew it. */
    WITHDRAWN("withdrawn"),
    /** A call without {@code call_training} consent at its start. */
    NO_CALL_CONSENT("no_call_consent"),
    /** An API record whose developer held no {@code instance_training} consent at its instant. */
    NO_INSTANCE_CONSENT("no_instance_consent"),
    /** A call whose other parties were not (or not known to be) notified. */
    PARTIES_NOT_NOTIFIED("parties_not_notified");

    private final String code;

    ExclusionReason(String code) {
        this.code = code;
    }

    /** The reason as reports and the {@code exclusion_reason} column spell it. */
    public String code() {
        return code;
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(ExclusionReason::code).toList();
    }
}
