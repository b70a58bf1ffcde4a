package com.connekz.pipeline.consent;

/** The purposes a consent event grants or withdraws (the {@code purpose} field of {@code consent}). */
public enum ConsentPurpose {
    MODEL_TRAINING("model_training"),
    CALL_TRAINING("call_training"),
    INSTANCE_TRAINING("instance_training");

    private final String code;

    ConsentPurpose(String code) {
        this.code = code;
    }

    /** The value of the {@code purpose} field. */
    public String code() {
        return code;
    }
}
