package com.connekz.pipeline.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionEnd;
import org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart;

/**
 * A benchmark's profile by Spark SQL execution: for every top-level query (nested ones are counted in
 * their root), how long it ran and the line of project code that started it, so a run's time can be
 * split into its phases. Collects between {@link #reset()} and {@link #report()}.
 */
public final class QueryTimings extends SparkListener {
    private record Started(String origin, long at) {}

    private final Map<Long, Started> running = new ConcurrentHashMap<>();
    private final Map<String, long[]> byOrigin = new ConcurrentHashMap<>();
    private volatile int jobs;

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
        jobs++;
    }

    @Override
    public void onOtherEvent(SparkListenerEvent event) {
        if (event instanceof SparkListenerSQLExecutionStart start) {
            boolean nested = start.rootExecutionId().isDefined()
                    && ((Long) start.rootExecutionId().get()) != start.executionId();
            if (!nested) {
                running.put(start.executionId(), new Started(origin(start), start.time()));
            }
        } else if (event instanceof SparkListenerSQLExecutionEnd end) {
            Started started = running.remove(end.executionId());
            if (started != null) {
                long[] totals = byOrigin.computeIfAbsent(started.origin(), o -> new long[2]);
                synchronized (totals) {
                    totals[0]++;
                    totals[1] += end.time() - started.at();
                }
            }
        }
    }

    public void reset() {
        byOrigin.clear();
        jobs = 0;
    }

    /** Lines "seconds  queries  origin", longest first, and the number of Spark jobs. */
    public List<String> report() {
        List<String> lines = new ArrayList<>();
        Map<String, long[]> copy = new LinkedHashMap<>(byOrigin);
        copy.entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[1]))
                .forEach(e -> lines.add(String.format("%7.1f s %4d× %s", e.getValue()[1] / 1e3, e.getValue()[0], e.getKey())));
        lines.add(String.format("Spark jobs: %d", jobs));
        return lines;
    }

    /** The description, and the first project frame of the call site (the line that ran the query). */
    private static String origin(SparkListenerSQLExecutionStart start) {
        String frame = "";
        for (String line : start.details().split("\n")) {
            if (line.contains("com.connekz") && !line.contains("QueryTimings")) {
                frame = line.trim().replace("com.connekz.pipeline.", "");
                break;
            }
        }
        String description = start.description().length() > 60 ? start.description().substring(0, 60) : start.description();
        return description + " @ " + frame;
    }
}
