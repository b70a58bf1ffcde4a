package com.connekz.pipeline.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.testing.SharedSpark;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog$;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparksTest {
    private final SparkSession spark = SharedSpark.session();

    @TempDir
    Path dir;

    @Test
    void theDriverKeepsTheLogsOfABoundedNumberOfTables() {
        assertThat(spark.conf().get(Sparks.DELTA_LOG_CACHE_SIZE)).isEqualTo(String.valueOf(Sparks.CACHED_TABLE_LOGS));
        spark.conf().set(Sparks.DELTA_LOG_CACHE_SIZE, "2");
        DeltaLog$.MODULE$.unsetCache();
        try {
            for (int table = 0; table < 5; table++) {
                String path = dir.resolve("tenant-" + table).toString();
                spark.range(3).write().format("delta").save(path);
                assertThat(spark.read().format("delta").load(path).count()).isEqualTo(3);
            }
            assertThat(DeltaLog$.MODULE$.cacheSize()).as("logs cached after using five tables").isBetween(1L, 2L);
        } finally {
            spark.conf().set(Sparks.DELTA_LOG_CACHE_SIZE, String.valueOf(Sparks.CACHED_TABLE_LOGS));
            DeltaLog$.MODULE$.unsetCache();
        }
    }
}
