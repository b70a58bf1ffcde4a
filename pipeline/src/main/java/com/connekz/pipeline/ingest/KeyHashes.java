package com.connekz.pipeline.ingest;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import org.apache.spark.sql.catalyst.expressions.XXH64;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The 64-bit hashes of the natural keys a task read, kept so that the driver can tell whether a key
 * may repeat within a batch without reading the batch again. Two keys sharing a hash only send the
 * batch down the general path, never lose a row. A batch keeps at most about {@link #MAX_KEPT} in
 * all (128 MB), each task its {@link SliceShares share}; past that the batch is read again instead.
 */
final class KeyHashes {
    static final int MAX_KEPT = 1 << 24;
    private static final long SEED = 42;

    private final int limit;
    private long[] hashes = new long[1 << 10];
    private int size;
    private boolean overflowed;

    /** Keeps at most {@code limit} hashes (and never more than {@link #MAX_KEPT}). */
    KeyHashes(long limit) {
        this.limit = (int) Math.min(limit, MAX_KEPT);
    }

    void add(UTF8String key) {
        if (overflowed || key == null) {
            return;
        }
        if (size == limit) {
            overflowed = true;
            hashes = null;
            return;
        }
        if (size == hashes.length) {
            hashes = Arrays.copyOf(hashes, Math.min(limit, hashes.length * 2));
        }
        hashes[size++] = XXH64.hashUnsafeBytes(key.getBaseObject(), key.getBaseOffset(), key.numBytes(), SEED);
    }

    /** The hashes kept, sorted; null when there were more than a task keeps. */
    long[] sorted() {
        if (overflowed) {
            return null;
        }
        long[] kept = Arrays.copyOf(hashes, size);
        Arrays.sort(kept);
        return kept;
    }

    /**
     * Whether any hash occurs twice across the slices' sorted hashes, or empty when a slice kept
     * none or all of them together are more than {@link #MAX_KEPT}.
     */
    static Optional<Boolean> anyRepeats(Collection<long[]> sortedPerSlice) {
        long total = 0;
        for (long[] slice : sortedPerSlice) {
            if (slice == null) {
                return Optional.empty();
            }
            total += slice.length;
        }
        if (total > MAX_KEPT) {
            return Optional.empty();
        }
        long[] all = new long[(int) total];
        int at = 0;
        for (long[] slice : sortedPerSlice) {
            System.arraycopy(slice, 0, all, at, slice.length);
            at += slice.length;
        }
        Arrays.sort(all);
        for (int i = 1; i < all.length; i++) {
            if (all[i] == all[i - 1]) {
                return Optional.of(true);
            }
        }
        return Optional.of(false);
    }
}
