package com.connekz.pipeline.lake;

import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.testing.SharedSpark;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeltaRoundTripTest {
    @TempDir
    Path lake;

    @Test
    void writesAndReadsBackADeltaTableWithItsVersion() {
        SparkSession spark = SharedSpark.session();
        String table = lake.resolve("t").toString();
        spark.createDataset(List.of("a", "b"), Encoders.STRING()).write().format("delta").save(table);
        spark.createDataset(List.of("c"), Encoders.STRING()).write().format("delta").mode("append").save(table);

        assertThat(spark.read().format("delta").load(table).count()).isEqualTo(3);
        assertThat(spark.read().format("delta").option("versionAsOf", 0).load(table).count()).isEqualTo(2);
    }
}
