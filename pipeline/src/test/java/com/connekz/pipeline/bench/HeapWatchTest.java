package com.connekz.pipeline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs in a JVM of its own (tag {@code own-jvm}, see the module's pom): the shared test JVM holds a
 * Spark session whose cleaners free hundreds of MB between two collections, so its live heap can
 * fall by more than the array this test keeps while the test waits to see it rise.
 */
@Tag("own-jvm")
class HeapWatchTest {
    private static final int MB = 1_000_000;

    @Test
    void retainedCountsWhatSurvivesACollectionAndNotTheGarbage() {
        HeapWatch.reset();
        long before = HeapWatch.retained();
        for (int i = 0; i < 200; i++) {
            byte[] garbage = new byte[MB];
            garbage[i] = 1;
        }
        HeapWatch.collectGarbage();
        long afterGarbage = HeapWatch.retained();
        assertThat(afterGarbage - before).as("garbage freed by a collection is not retained").isLessThan(50L * MB);

        byte[] kept = new byte[120 * MB];
        HeapWatch.collectGarbage();
        long afterKept = HeapWatch.retained();
        assertThat(afterKept - before).isGreaterThanOrEqualTo(100L * MB);
        assertThat(HeapWatch.peak()).isGreaterThanOrEqualTo(HeapWatch.retained());
        assertThat(kept).hasSize(120 * MB);
    }

    @Test
    void theDriversOwnFigureLeavesOutWhatSparkHeldAtEachCollection() {
        HeapWatch.reset();
        long start = HeapWatch.driverOwn();
        HeapWatch.collected(start + 900L * MB, 800L * MB);
        assertThat(HeapWatch.driverOwn()).isEqualTo(start + 100L * MB);
        assertThat(HeapWatch.retained()).isGreaterThanOrEqualTo(start + 900L * MB);
        HeapWatch.collected(start + 300L * MB, 0);
        assertThat(HeapWatch.driverOwn()).as("the most seen, whatever Spark held then").isEqualTo(start + 300L * MB);
        assertThat(HeapWatch.retained()).isGreaterThanOrEqualTo(start + 900L * MB);
    }
}
