package com.connekz.pipeline.bench;

import com.connekz.pipeline.run.StageResult;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Where a stage's time went, by Spark SQL query and the line of project code that ran it: the
 * profile {@code bench --profile} prints after each stage. {@link #off()} records nothing.
 */
public final class StageProfile {
    private static final int SHOWN_QUERIES = 12;
    private static final long LISTENER_WAIT_MILLIS = 10_000;
    private final SparkContext spark;
    private final QueryTimings timings;
    private final Consumer<String> out;

    private StageProfile(SparkContext spark, QueryTimings timings, Consumer<String> out) {
        this.spark = spark;
        this.timings = timings;
        this.out = out;
    }

    /** Listens to {@code spark}'s queries and hands each stage's profile, as text, to {@code out}. */
    public static StageProfile printing(SparkSession spark, Consumer<String> out) {
        QueryTimings timings = new QueryTimings();
        spark.sparkContext().addSparkListener(timings);
        return new StageProfile(spark.sparkContext(), timings, out);
    }

    public static StageProfile off() {
        return new StageProfile(null, null, text -> {});
    }

    void start() {
        if (timings != null) {
            timings.reset();
        }
    }

    void finish(StageResult result) {
        if (timings == null) {
            return;
        }
        String stage = result.stage();
        // Listeners hear of a query's end asynchronously: let the last ones arrive first.
        try {
            spark.listenerBus().waitUntilEmpty(LISTENER_WAIT_MILLIS);
        } catch (java.util.concurrent.TimeoutException stillBusy) {
            out.accept("profile of " + stage + ": the last queries may be missing (listener bus still busy)\n");
        }
        List<String> lines = timings.report();
        StringBuilder text = new StringBuilder("profile of ").append(stage).append(" (seconds, queries, origin):\n");
        int shown = Math.min(SHOWN_QUERIES, lines.size() - 1);
        lines.subList(0, shown).forEach(line -> text.append("  ").append(line).append('\n'));
        text.append("  ").append(lines.get(lines.size() - 1)).append('\n');
        text.append("  metrics: ").append(new TreeMap<>(result.metrics())).append('\n');
        out.accept(text.toString());
    }
}
