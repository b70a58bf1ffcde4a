package com.connekz.pipeline.deletion;

import java.time.Instant;

/**
 * One deletion request as landed, held in memory only while it is applied; what is kept of it is
 * its keyed hashes (ledger, tombstones). {@code toString} prints no id.
 */
public record DeletionRequest(String requestId, String userId, String scope, String targetId, Instant requestedAt) {

    /** Whether the request can be applied: a known scope, and a target where the scope needs one. */
    public boolean valid() {
        return DeletionScope.byWireName(scope)
                .map(s -> !s.needsTarget() || targetId != null && !targetId.isBlank())
                .orElse(false);
    }

    public boolean isAccount() {
        return DeletionScope.ACCOUNT.wireName().equals(scope);
    }

    @Override
    public String toString() {
        return "DeletionRequest[scope=" + scope + ", requestedAt=" + requestedAt + "]";
    }
}
