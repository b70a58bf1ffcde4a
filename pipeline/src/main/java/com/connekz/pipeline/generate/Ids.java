package com.connekz.pipeline.generate;

/**
 * Record ids and random streams derived from the seed and a record's coordinates, so that the same
 * seed gives the same ids, and an id made on one day can be named again days later (by a deletion
 * request) without having been kept.
 */
final class Ids {
    private Ids() {}

    /** Mixes the inputs into one well-spread 64-bit value (SplitMix64's finaliser, chained). */
    static long mix(long... values) {
        long h = 0x9E3779B97F4A7C15L;
        for (long value : values) {
            h = finalise(h ^ value) + 0x9E3779B97F4A7C15L;
        }
        return finalise(h);
    }

    private static long finalise(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** An id such as {@code conv-3f9a0c2b7d114e55}, fixed by the seed and the coordinates. */
    static String of(String prefix, long seed, long... coordinates) {
        long[] all = new long[coordinates.length + 2];
        all[0] = seed;
        all[1] = prefix.hashCode();
        System.arraycopy(coordinates, 0, all, 2, coordinates.length);
        String hex = Long.toHexString(mix(all));
        return prefix + "-" + "0".repeat(16 - hex.length()) + hex;
    }
}
