package com.connekz.pipeline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapWatchTest {
    private static final int MB = 1_000_000;

    @Test
    void retainedCountsWhatSurvivesACollectionAndNotTheGarbage() throws InterruptedException {
        HeapWatch.reset();
        long before = HeapWatch.retained();
        for (int i = 0; i < 200; i++) {
            byte[] garbage = new byte[MB];
            garbage[i] = 1;
        }
        System.gc();
        long afterGarbage = awaitCollectionSeen(before);
        assertThat(afterGarbage - before).as("garbage freed by a collection is not retained").isLessThan(50L * MB);

        byte[] kept = new byte[120 * MB];
        System.gc();
        long afterKept = awaitCollectionSeen(afterGarbage + 100L * MB);
        assertThat(afterKept - before).isGreaterThanOrEqualTo(100L * MB);
        assertThat(HeapWatch.peak()).isGreaterThanOrEqualTo(HeapWatch.retained());
        assertThat(kept).hasSize(120 * MB);
    }

    /** Collection notifications arrive on another thread: waits until the retained figure reaches {@code atLeast}, or 5 s. */
    private static long awaitCollectionSeen(long atLeast) throws InterruptedException {
        for (int i = 0; i < 50 && HeapWatch.retained() < atLeast; i++) {
            Thread.sleep(100);
        }
        return HeapWatch.retained();
    }
}
