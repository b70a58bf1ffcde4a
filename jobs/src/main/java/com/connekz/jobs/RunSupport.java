package com.connekz.jobs;

import com.connekz.pipeline.config.ConfigException;
import com.connekz.pipeline.config.HashKey;
import com.connekz.pipeline.config.PipelineConfig;
import com.connekz.pipeline.run.RunContext;
import com.connekz.pipeline.run.RunIds;
import com.connekz.pipeline.spark.Sparks;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;

/** Opens what a command needs to run: validated configuration first, the hashing key, then Spark. */
public final class RunSupport {
    /** The Spark settings of the session a {@code pipeline session} keeps between its commands; null outside one. */
    private static Map<String, String> keptSettings;
    private static boolean keeping;

    private RunSupport() {}

    public static RunContext open(CommonOptions common, String command, LocalDate runDate) {
        PipelineConfig config = common.config();
        HashKey key = hashKey(config);
        SparkSession spark = session(config);
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
            release(context.spark());
        }
    }

    /** Stops Spark after a command, unless a {@code pipeline session} keeps it for its next one. */
    public static synchronized void release(SparkSession spark) {
        if (!keeping) {
            spark.stop();
        }
    }

    /**
     * From now on commands leave Spark running for the next one ({@code keep}), or stop it as they
     * end; when keeping ends, the kept session is stopped.
     */
    static synchronized void keepSpark(boolean keep) {
        keeping = keep;
        if (!keep) {
            keptSettings = null;
            if (SparkSession.getDefaultSession().isDefined()) {
                SparkSession.getDefaultSession().get().stop();
            }
        }
    }

    /**
     * Spark for a command: a new session, or within a {@code pipeline session} the one kept from its
     * first command. A started session's settings cannot change, so a command whose configuration
     * asks for other ones (another S3 endpoint, say) is refused rather than run with the wrong ones.
     */
    private static synchronized SparkSession session(PipelineConfig config) {
        Map<String, String> settings = Sparks.settings(config, System.getenv());
        if (keeping && keptSettings != null && !keptSettings.equals(settings)) {
            throw new ConfigException("this session's Spark settings come from its first command's configuration;"
                    + " run a command of another configuration outside the session");
        }
        SparkSession spark = Sparks.session(config, System.getenv());
        if (keeping) {
            keptSettings = settings;
        }
        return spark;
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
