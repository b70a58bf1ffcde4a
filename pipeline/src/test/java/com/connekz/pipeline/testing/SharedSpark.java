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
            // Tests run thousands of small queries over a few rows each: compiling generated code
            // for them took a third of their time, where interpreting a few rows costs nothing.
            // Runs of the pipeline itself keep code generation.
            builder.config("spark.sql.codegen.wholeStage", "false");
            builder.config("spark.sql.codegen.factoryMode", "NO_CODEGEN");
            session = builder.getOrCreate();
        }
        return session;
    }
}
