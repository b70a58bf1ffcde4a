package com.connekz.pipeline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.testing.SharedSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs in a JVM of its own (tag {@code own-jvm}, see the module's pom): in the shared test JVM the
 * cleaners release earlier tests' cached blocks while this one caches, and the whole-JVM figure it
 * reads fell short by 2.6 MB in CI (17.8 MB seen against the 19.2 MB the hashes alone take).
 */
@Tag("own-jvm")
class SparkManagedMemoryTest {
    @Test
    void countsTheBlocksSparkCachesOnTheHeap() {
        Dataset<Row> hashes = SharedSpark.session().range(300_000).selectExpr("sha2(cast(id as string), 256) as hash")
                .persist(StorageLevel.MEMORY_ONLY());
        try {
            long before = SparkManagedMemory.onHeapInUse();
            assertThat(hashes.count()).isEqualTo(300_000);
            assertThat(SparkManagedMemory.onHeapInUse() - before).as("the cached column of 300,000 distinct hashes")
                    .isGreaterThan(300_000 * 64L);
        } finally {
            hashes.unpersist(true);
        }
    }
}
