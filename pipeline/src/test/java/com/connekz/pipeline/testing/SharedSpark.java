package com.connekz.pipeline.testing;

import com.connekz.pipeline.spark.Sparks;
import org.apache.spark.sql.SparkSession;

/** One local SparkSession with Delta for the whole JVM: starting one costs seconds. */
public final class SharedSpark {
    private static SparkSession session;
    private static boolean interpreted;

    private SharedSpark() {}

    /**
     * The session for tests. Tests run thousands of small queries over a few rows each: compiling
     * generated code for them took a third of their time, where interpreting a few rows costs
     * nothing, so this session interprets.
     */
    public static synchronized SparkSession session() {
        return start(true);
    }

    /**
     * The session as the pipeline's own local runs set it up (generated code included), for
     * benchmarks, whose figures must be the pipeline's. A JVM gets one kind or the other.
     */
    public static synchronized SparkSession asThePipelineRuns() {
        return start(false);
    }

    private static SparkSession start(boolean interpret) {
        if (session == null) {
            SparkSession.Builder builder = SparkSession.builder().master("local[2]").appName("pipeline-tests");
            Sparks.deltaSettings().forEach(builder::config);
            Sparks.localModeSettings().forEach(builder::config);
            builder.config("spark.sql.warehouse.dir", System.getProperty("java.io.tmpdir") + "/pipeline-tests-warehouse");
            if (interpret) {
                builder.config("spark.sql.codegen.wholeStage", "false");
                builder.config("spark.sql.codegen.factoryMode", "NO_CODEGEN");
            }
            session = builder.getOrCreate();
            interpreted = interpret;
        } else if (interpreted != interpret) {
            throw new IllegalStateException("this JVM's session was started for " + (interpreted ? "tests" : "benchmarks"));
        }
        return session;
    }
}
