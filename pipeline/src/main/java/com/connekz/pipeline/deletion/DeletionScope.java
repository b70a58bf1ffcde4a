package com.connekz.pipeline.deletion;

import java.util.Arrays;
import java.util.Optional;

/** What a deletion request erases (contract section 1, source {@code deletions}). */
public enum DeletionScope {
    /** One conversation's chat messages, up to the request. */
    CONVERSATION("conversation", true),
    /** One call. */
    CALL("call", true),
    /** One memory. */
    MEMORY("memory", true),
    /** Every chat, memory and call of the user up to the request; the account stays. */
    ALL_ASSISTANT_DATA("all_assistant_data", false),
    /** Everything of the user, in every source, including the account, consent and API data. */
    ACCOUNT("account", false);

    private final String wireName;
    private final boolean needsTarget;

    DeletionScope(String wireName, boolean needsTarget) {
        this.wireName = wireName;
        this.needsTarget = needsTarget;
    }

    /** The value of the {@code scope} field. */
    public String wireName() {
        return wireName;
    }

    /** Whether a request of this scope names its target ({@code target_id}). */
    public boolean needsTarget() {
        return needsTarget;
    }

    public static Optional<DeletionScope> byWireName(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(value)).findFirst();
    }
}
