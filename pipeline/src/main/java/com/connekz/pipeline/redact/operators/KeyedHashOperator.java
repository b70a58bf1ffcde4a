package com.connekz.pipeline.redact.operators;

import com.connekz.pipeline.config.HashKey;
import com.connekz.pipeline.hashing.KeyedHash;

/**
 * Replaces an entity with its type and a keyed hash (HMAC-SHA256 under the run's key) of its
 * normalised value: {@code <EMAIL_ADDRESS:3f9a0c1d2e4b5a6c>}. The same value gives the same token
 * in every example and run under one key, and without the key it cannot be recomputed.
 */
public final class KeyedHashOperator implements Operator {
    private static final int HEX_CHARS = 16;
    /** {@link KeyedHash} keeps one Mac and is not thread-safe, so each thread has its own. */
    private final ThreadLocal<KeyedHash> hashes;

    public KeyedHashOperator(HashKey key) {
        this.hashes = ThreadLocal.withInitial(() -> new KeyedHash(key));
    }

    @Override
    public String replace(String type, String original, Pseudonyms pseudonyms) {
        String hash = hashes.get().ofParts("redact", type, Pseudonyms.normalise(original));
        return "<" + type + ":" + hash.substring(0, HEX_CHARS) + ">";
    }
}
