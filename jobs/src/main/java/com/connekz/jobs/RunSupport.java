package com.connekz.jobs;

import com.connekz.pipeline.config.HashKey;
import com.connekz.pipeline.config.PipelineConfig;
import com.connekz.pipeline.run.RunContext;
import com.connekz.pipeline.run.RunIds;
import com.connekz.pipeline.spark.Sparks;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;

/** Opens what a command needs to run: validated configuration first, the hashing key, then Spark. */
public final class RunSupport {
    private RunSupport() {}

    public static RunContext open(CommonOptions common, String command, LocalDate runDate) {
        PipelineConfig config = common.config();
        HashKey key = hashKey(config);
        SparkSession spark = Sparks.session(config, System.getenv());
        Instant now = Instant.now();
        return new RunContext(spark, config, key, RunIds.next(now), command,
                runDate == null ? LocalDate.now(ZoneOffset.UTC) : runDate, now);
    }

    /**
     * Answers one read-only question against the lake: opens Spark, asks, and stops Spark whether
     * the question is answered or fails.
     */
    public static <T> T ask(CommonOptions common, String command, Function<RunContext, T> question) {
        RunContext context = open(common, command, null);
        try {
            return question.apply(context);
        } finally {
            context.spark().stop();
        }
    }

    /** The key of keyed hashes, warning on stderr when a local run falls back to the development key. */
    public static HashKey hashKey(PipelineConfig config) {
        HashKey key = HashKey.resolve(config, System.getenv());
        if (key.development()) {
            System.err.println("pipeline: " + config.hashing().keyEnv()
                    + " is not set; using the fixed development key (allowed for a local lake only)");
        }
        return key;
    }
}
