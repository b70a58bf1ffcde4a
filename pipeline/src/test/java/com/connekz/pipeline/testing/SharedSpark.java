package com.connekz.pipeline.testing;

import com.connekz.pipeline.spark.Sparks;
import org.apache.spark.sql.SparkSession;

/** One local SparkSession with Delta for the whole test JVM: starting one costs seconds. */
public final class SharedSpark {
    private static SparkSession session;

    private SharedSpark() {}

    public static synchronized SparkSession session() {
        if (session == null) {
            SparkSession.Builder builder = SparkSession.builder().master("local[2]").appName("pipeline-tests");
            Sparks.deltaSettings().forEach(builder::config);
            Sparks.localModeSettings().forEach(builder::config);
            builder.config("spark.sql.warehouse.dir", System.getProperty("java.io.tmpdir") + "/pipeline-tests-warehouse");
            session = builder.getOrCreate();
        }
        return session;
    }
}
