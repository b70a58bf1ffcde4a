package com.connekz.pipeline.redact.spark;

import com.connekz.pipeline.config.HashKey;
import com.connekz.pipeline.ingest.Source;
import com.connekz.pipeline.redact.RedactionPolicy;
import com.connekz.pipeline.testing.SharedSpark;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Not a unit test: the redaction engine's rate on the very text a night redacted, and what the Spark
 * adapter adds to it. The records are those one govern run kept (each content source's keys in
 * silver at a version), with their text as it landed (bronze). Times, on the same records:
 * the adapter's Spark query cold (the night's case: the engine's first use in the JVM) and warm,
 * and the adapter's own per-example work on the driver without Spark, warm, in one and in two
 * threads. Prints seconds and MB/s of text per source, and the warm query's ratio to the two
 * threads without Spark.
 *
 * <p>Run: {@code java -cp <test classpath> com.connekz.pipeline.redact.spark.NightTextRedactionBenchmark
 * LAKE [SILVER_VERSION]} (default version 1: the first night's write after the table's creation).
 */
public final class NightTextRedactionBenchmark {
    private static final List<Source> CONTENT = List.of(Source.CHATS, Source.MEMORIES, Source.CALLS, Source.API);
    private static final HashKey KEY = new HashKey("benchmark".getBytes(StandardCharsets.UTF_8), true);

    private NightTextRedactionBenchmark() {}

    public static void main(String[] args) throws Exception {
        String lake = args[0];
        long silverVersion = args.length > 1 ? Long.parseLong(args[1]) : 1;
        SparkSession spark = SharedSpark.asThePipelineRuns();
        spark.sparkContext().setLogLevel("WARN");
        SparkRedaction redaction = new SparkRedaction(RedactionPolicy.shipped(), KEY);

        Map<Source, Dataset<Row>> records = new LinkedHashMap<>();
        Map<Source, List<List<Row>>> examples = new LinkedHashMap<>();
        Map<Source, SparkRedaction.RecordRedactor> redactors = new LinkedHashMap<>();
        Map<Source, Double> megabytes = new LinkedHashMap<>();
        for (Source source : CONTENT) {
            Dataset<Row> kept = keptRecords(spark, lake, source, silverVersion);
            records.put(source, kept);
            examples.put(source, byExample(source, kept.collectAsList()));
            redactors.put(source, redaction.redactor(source, kept.schema()));
            megabytes.put(source, textBytes(redactors.get(source), examples.get(source)) / 1e6);
        }

        Map<Source, Double> cold = sparkSeconds(redaction, records);
        Map<Source, Double> oneThread = new LinkedHashMap<>();
        Map<Source, Double> twoThreads = new LinkedHashMap<>();
        for (Source source : CONTENT) {
            oneThread.put(source, seconds(redactors.get(source), source, examples.get(source), 1));
            twoThreads.put(source, seconds(redactors.get(source), source, examples.get(source), 2));
        }
        Map<Source, Double> warm = sparkSeconds(redaction, records);

        System.out.printf("%n%-9s %9s %9s %10s %10s %10s %10s %12s%n", "source", "examples", "text MB",
                "Spark cold", "Spark warm", "1 thread", "2 threads", "warm / 2 thr");
        for (Source source : CONTENT) {
            System.out.printf("%-9s %9d %9.1f %9.1fs %9.1fs %9.1fs %9.1fs %12.2f%n", source.folder(),
                    examples.get(source).size(), megabytes.get(source), cold.get(source), warm.get(source),
                    oneThread.get(source), twoThreads.get(source), warm.get(source) / twoThreads.get(source));
        }
        double mb = sum(megabytes.values());
        System.out.printf("%-9s %9d %9.1f %9.1fs %9.1fs %9.1fs %9.1fs %12.2f%n", "all",
                examples.values().stream().mapToInt(List::size).sum(), mb, sum(cold.values()), sum(warm.values()),
                sum(oneThread.values()), sum(twoThreads.values()), sum(warm.values()) / sum(twoThreads.values()));
        System.out.printf("MB/s of text: Spark cold %.2f, Spark warm %.2f, one thread %.2f, two threads %.2f (%.2f per thread)%n",
                mb / sum(cold.values()), mb / sum(warm.values()), mb / sum(oneThread.values()),
                mb / sum(twoThreads.values()), mb / sum(twoThreads.values()) / 2);
        spark.stop();
    }

    /** The source's records that silver held at the version, with their landed text, held in Spark's cache. */
    private static Dataset<Row> keptRecords(SparkSession spark, String lake, Source source, long silverVersion) {
        String key = source.naturalKey();
        Dataset<Row> kept = spark.read().format("delta").option("versionAsOf", silverVersion)
                .load(lake + "/silver/" + source.folder()).select(key).distinct();
        Dataset<Row> landed = spark.read().format("delta").load(lake + "/bronze/" + source.folder())
                .join(kept, key).dropDuplicates(key).persist(StorageLevel.MEMORY_AND_DISK());
        landed.count();
        return landed;
    }

    private static List<List<Row>> byExample(Source source, List<Row> rows) {
        Map<String, List<Row>> examples = new LinkedHashMap<>();
        for (Row row : rows) {
            examples.computeIfAbsent(row.getString(row.fieldIndex(source.exampleKey())), k -> new ArrayList<>()).add(row);
        }
        return new ArrayList<>(examples.values());
    }

    private static long textBytes(SparkRedaction.RecordRedactor redactor, List<List<Row>> examples) {
        long bytes = 0;
        for (List<Row> example : examples) {
            for (String text : redactor.texts(example)) {
                bytes += text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return bytes;
    }

    /** Each source's redaction query as the govern stage runs it: redacted, held, counted. */
    private static Map<Source, Double> sparkSeconds(SparkRedaction redaction, Map<Source, Dataset<Row>> records) {
        Map<Source, Double> seconds = new LinkedHashMap<>();
        records.forEach((source, rows) -> {
            long started = System.nanoTime();
            Dataset<Row> redacted = redaction.redact(source, rows).persist(StorageLevel.MEMORY_AND_DISK());
            redacted.count();
            seconds.put(source, (System.nanoTime() - started) / 1e9);
            redacted.unpersist(true);
        });
        return seconds;
    }

    /** The adapter's per-example work on the driver, examples split evenly over the threads. */
    private static double seconds(SparkRedaction.RecordRedactor redactor, Source source, List<List<Row>> examples,
                                  int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long started = System.nanoTime();
            List<Future<Long>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<List<Row>> part = examples.subList(examples.size() * t / threads, examples.size() * (t + 1) / threads);
                parts.add(pool.submit(() -> redactAll(redactor, source, part)));
            }
            long rows = 0;
            for (Future<Long> part : parts) {
                rows += part.get();
            }
            if (rows != examples.stream().mapToLong(List::size).sum()) {
                throw new IllegalStateException("redaction returned " + rows + " rows");
            }
            return (System.nanoTime() - started) / 1e9;
        } finally {
            pool.shutdown();
        }
    }

    private static long redactAll(SparkRedaction.RecordRedactor redactor, Source source, List<List<Row>> examples) {
        long rows = 0;
        for (List<Row> example : examples) {
            Iterator<Row> redacted = source == Source.CHATS ? redactor.conversation(example.iterator())
                    : redactor.each(example.iterator());
            while (redacted.hasNext()) {
                redacted.next();
                rows++;
            }
        }
        return rows;
    }

    private static double sum(Collection<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sum();
    }
}
