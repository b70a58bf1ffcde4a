package com.connekz.pipeline.generate;

/** The independent traits a generated user's policy situation is made of. */
final class Patterns {
    private Patterns() {}

    /** How the user's {@code model_training} consent evolves. */
    enum Consent {
        /** Granted when the account was opened, long before the window. */
        GRANTED,
        /** No consent event at all. */
        NONE,
        /** First granted in the middle of the window: earlier records were made without it. */
        LATE,
        /** Granted before the window, withdrawn in the middle of it. */
        WITHDRAWN,
        /** Granted, withdrawn on the first evening, granted again on the last morning. */
        REGRANTED,
        /** A grant and a withdrawal with the very same effective instant. */
        SAME_INSTANT,
        /** Only other purposes granted (call and instance training), never model training. */
        WRONG_PURPOSE
    }

    enum Age {
        ADULT,
        /** Under 18 all through the window. */
        MINOR,
        /** Turns 18 in the middle of the window. */
        TURNS_18,
        /** No date of birth on the account. */
        UNKNOWN
    }

    enum Account {
        ACTIVE,
        /** Marked deleted in the middle of the window (the account row lands again with deleted_at). */
        DELETED,
        /** Consent events and content, but no account row at all. */
        NONE
    }

    /** Whether and how the user's calls say all parties were notified of the recording. */
    enum Calls {
        NONE,
        NOTIFIED,
        /** Every call either says false or leaves the flag out. */
        NOT_NOTIFIED,
        /** Mostly notified, now and then not. */
        MIXED
    }

    /** The deletion request scopes of the contract. */
    enum DeletionScope {
        CONVERSATION("conversation"),
        CALL("call"),
        MEMORY("memory"),
        ALL_ASSISTANT_DATA("all_assistant_data"),
        ACCOUNT("account");

        final String json;

        DeletionScope(String json) {
            this.json = json;
        }
    }
}
