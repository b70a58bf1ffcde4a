package com.connekz.pipeline.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;

/**
 * Runs one small Spark operation per item from a few driver threads at once. Many small tables
 * (one gold table per developer instance) each cost a Delta commit or a log replay whose driver
 * work and short tasks leave the cores mostly idle when run one after another; Spark schedules the
 * jobs of several threads side by side.
 */
public final class ConcurrentJobs {
    private ConcurrentJobs() {}

    /** Driver threads for {@code spark}: twice its default parallelism, between 2 and 8. */
    public static int threadsFor(SparkSession spark) {
        return Math.min(8, Math.max(2, 2 * spark.sparkContext().defaultParallelism()));
    }

    /**
     * Applies {@code operation} to every item on {@code threads} threads and returns the results in
     * the items' order. When any operation fails, the others still finish (none is interrupted
     * half-way through a commit) and the first failure, in item order, is rethrown as it was thrown.
     */
    public static <T, R> List<R> map(List<T> items, int threads, Function<T, R> operation) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, items.size())));
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> operation.apply(item)));
            }
            List<R> results = new ArrayList<>();
            Throwable first = null;
            for (Future<R> future : futures) {
                try {
                    results.add(future.get());
                } catch (ExecutionException failed) {
                    if (first == null) {
                        first = failed.getCause();
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Spark jobs", interrupted);
                }
            }
            if (first instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (first instanceof Error error) {
                throw error;
            }
            if (first != null) {
                throw new IllegalStateException(first);
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    /** As {@link #map}, over a map's entries: each key with the result of its entry, in the map's order. */
    public static <K, V, R> Map<K, R> mapEntries(Map<K, V> items, int threads, BiFunction<K, V, R> operation) {
        List<Map.Entry<K, V>> entries = List.copyOf(items.entrySet());
        List<R> results = map(entries, threads, entry -> operation.apply(entry.getKey(), entry.getValue()));
        Map<K, R> byKey = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            byKey.put(entries.get(i).getKey(), results.get(i));
        }
        return byKey;
    }
}
