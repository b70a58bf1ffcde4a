package com.connekz.pipeline.govern;

import com.connekz.pipeline.config.HashKey;
import com.connekz.pipeline.config.PipelineConfig;
import com.connekz.pipeline.ingest.BronzeSchema;
import com.connekz.pipeline.ingest.Source;
import com.connekz.pipeline.lake.Lake;
import com.connekz.pipeline.run.RunContext;
import com.connekz.pipeline.run.SourceCounts;
import com.connekz.pipeline.run.StageResult;
import com.connekz.pipeline.bench.QueryTimings;
import com.connekz.pipeline.testing.SharedSpark;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;

/**
 * Govern throughput against a bare copy of the same bronze table in the same run (not a unit test).
 * Generates, in process, {@code records} chat messages of {@code users} users and {@code events}
 * consent events. After a warm-up (a bare copy, and the three govern runs on a lake a hundredth of
 * the size), each of {@code rounds} rounds times the bare read (count + write to noop), the bare
 * copy (read bronze, write the same rows as a new Delta table: the baseline), govern's first run
 * (silver and marks removed before it) and a second run over unchanged inputs; ratios are taken
 * within a round and their median printed, since on a shared machine one run's wall time moves by
 * more than the difference sought. Last, a third run after one more day (1 % more chats, 1 % of
 * users withdrawing), against a bare copy just before it. Govern runs with redaction off: the
 * redaction engine's own cost is measured by its JMH benchmark.
 *
 * <p>Run: {@code java -cp <test classpath> com.connekz.pipeline.govern.GovernBenchmark [records] [events] [rounds]}.
 */
public final class GovernBenchmark {
    static final Instant BUILD = Instant.parse("2026-11-25T00:00:00Z");
    static final long YEAR_SECONDS = 365L * 24 * 3600;
    /** When ingestion wrote the generated bronze rows, and the day appended after them. */
    static final String FIRST_NIGHT = "timestamp'2026-11-24 00:00:00'";
    static final String NEXT_NIGHT = "timestamp'2026-11-24 12:00:00'";
    static final String EPOCH_2026 = "1767225600"; // 2026-01-01T00:00:00Z

    public static void main(String[] args) throws IOException {
        long records = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        long events = args.length > 1 ? Long.parseLong(args[1]) : 100_000L;
        long users = events / 2;
        SparkSession spark = SharedSpark.asThePipelineRuns();
        Path root = Files.createTempDirectory("govern-bench");
        Lake lake = new Lake(root.toString());

        System.out.printf("generating %,d chats of %,d users with %,d consent events under %s%n", records, users, events, root);
        generate(spark, lake, records, users, events);
        bareRead(spark, lake); // warm-up: class loading, Delta log caches
        bareCopy(spark, lake, root.resolve("bare-copy-warm-up"));
        warmUp(spark, Files.createTempDirectory("govern-bench-warm-up"), records / 100, users / 100, events / 100);
        if (args.length > 2 && args[2].equals("explain")) {
            Governance governance = new Governance(spark.read().format("delta").load(lake.bronze(Source.CONSENT)),
                    spark.read().format("delta").load(lake.bronze(Source.ACCOUNTS)), BUILD);
            Dataset<Row> bronze = spark.read().format("delta").load(lake.bronze(Source.CHATS))
                    .withColumn(DecisionScope.IS_NEW, functions.lit(true));
            Dataset<Row> decided = governance.decide(Source.CHATS, bronze);
            String plan = decided.queryExecution().executedPlan().toString();
            plan.lines().filter(l -> l.contains("Join") || l.contains("Exchange") || l.contains("Window"))
                    .forEach(l -> System.out.println("plan: " + l.strip().substring(0, Math.min(160, l.strip().length()))));
            for (String phase : List.of("copy", "count", "decide-noop", "decide-delta", "copy")) {
                double took = seconds(() -> {
                    switch (phase) {
                        case "count" -> GovernStage.count(governance, Source.CHATS, bronze);
                        case "decide-noop" -> decided.filter("exclusion_reason IS NULL").write().format("noop").mode("overwrite").save();
                        case "copy" -> bareCopy(spark, lake, root.resolve("probe-copy-" + System.nanoTime()));
                        default -> decided.filter("exclusion_reason IS NULL").write().format("delta").save(root.resolve("probe").toString());
                    }
                });
                System.out.printf("phase %s: %.1f s%n", phase, took);
            }
            return;
        }

        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        QueryTimings timings = new QueryTimings();
        spark.sparkContext().addSparkListener(timings);
        Map<String, List<String>> profiles = new java.util.LinkedHashMap<>();
        List<Round> measured = new ArrayList<>();
        SourceCounts firstCounts = null;
        for (int round = 1; round <= rounds; round++) {
            Phase read = Phase.time(() -> bareRead(spark, lake));
            Phase copy = Phase.time(() -> bareCopy(spark, lake, root.resolve("bare-copy-" + System.nanoTime())));
            forgetGovern(spark, lake);
            String id = "bench-" + round;
            timings.reset();
            StageResult[] first = new StageResult[1];
            Phase govern1 = Phase.time(() -> first[0] = new GovernStage().run(context(spark, root, id + "-first")));
            profiles.put("first run (round " + round + ")", timings.report());
            timings.reset();
            Phase govern2 = Phase.time(() -> new GovernStage().run(context(spark, root, id + "-second")));
            profiles.put("second run (round " + round + ")", timings.report());
            SourceCounts counts = first[0].sources().get("chats");
            if (firstCounts != null && !firstCounts.equals(counts)) {
                throw new IllegalStateException("round " + round + " counted " + counts + ", round 1 " + firstCounts);
            }
            firstCounts = counts;
            measured.add(new Round(round, read, copy, govern1, govern2));
        }
        Phase copyBeforeThird = Phase.time(() -> bareCopy(spark, lake, root.resolve("bare-copy-" + System.nanoTime())));
        long newRecords = records / 100;
        appendADay(spark, lake, records, newRecords, users);
        timings.reset();
        StageResult[] third = new StageResult[1];
        Phase govern3 = Phase.time(() -> third[0] = new GovernStage().run(context(spark, root, "bench-third")));
        profiles.put("third run", timings.report());
        System.out.printf("third run: silver inserted %d, updated %d, removed %d%n",
                third[0].metrics().get("silver.chats.inserted"), third[0].metrics().get("silver.chats.updated"),
                third[0].metrics().get("silver.chats.removed"));
        System.out.printf("counts: used %,d, excluded %s (sum %,d of %,d)%n", firstCounts.used(), firstCounts.excludedByReason(),
                firstCounts.used() + firstCounts.excluded(), records);
        System.out.printf("uptime: %s%n", uptime());
        System.out.printf("%nEach round: the bare read and the bare copy, then govern's first run (silver and marks%n"
                + "removed before it) and second run (nothing changed); ratios within the round.%n");
        System.out.printf("%5s %9s %9s %9s %9s %9s %11s %9s %9s%n", "round", "read s", "copy s", "first s", "x copy", "x read",
                "cpu x copy", "second s", "x copy");
        for (Round round : measured) {
            System.out.printf("%5d %9.2f %9.2f %9.2f %9.2f %9.2f %11.2f %9.2f %9.2f%n", round.number(), round.read().wall(),
                    round.copy().wall(), round.first().wall(), round.firstToCopy(), round.first().wall() / round.read().wall(),
                    round.first().cpu() / round.copy().cpu(), round.second().wall(), round.second().wall() / round.copy().wall());
        }
        System.out.printf("median over %d rounds: first run %.2f x the bare copy (%,.0f records/s), second run %.2f x%n",
                measured.size(), median(measured.stream().map(Round::firstToCopy).toList()),
                records / median(measured.stream().map(r -> r.first().wall()).toList()),
                median(measured.stream().map(r -> r.second().wall() / r.copy().wall()).toList()));
        System.out.printf("third run (+1%% records, 1%% users withdrew): %.2f s, %.2f x the bare copy just before it (%.2f s)%n",
                govern3.wall(), govern3.wall() / copyBeforeThird.wall(), copyBeforeThird.wall());
        profiles.forEach((run, lines) -> {
            System.out.println("\nwhere the govern " + run + " spent its time (Spark SQL executions by call site):");
            lines.forEach(line -> System.out.println("  " + line));
        });
    }

    /** One round's figures; each govern run is compared with the baselines of its own round. */
    record Round(int number, Phase read, Phase copy, Phase first, Phase second) {
        double firstToCopy() {
            return first.wall() / copy.wall();
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** Removes silver and govern's marks, so that the next run is a first run again. */
    static void forgetGovern(SparkSession spark, Lake lake) {
        for (String path : List.of(lake.silver(Source.CHATS), lake.system(GovernMarks.FOLDER))) {
            deleteTree(Path.of(path));
            DeltaLog.invalidateCache(spark, new org.apache.hadoop.fs.Path(path));
        }
    }

    static void deleteTree(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The three govern runs once, unmeasured, on a lake a hundredth of the size: the bare copy
     * is measured warm (after its own warm-up run), so govern is too, not with the JIT compiling
     * its code during the first measured run.
     */
    static void warmUp(SparkSession spark, Path root, long records, long users, long events) {
        Lake lake = new Lake(root.toString());
        generate(spark, lake, records, users, events);
        new GovernStage().run(context(spark, root, "warm-up-1"));
        new GovernStage().run(context(spark, root, "warm-up-2"));
        appendADay(spark, lake, records, records / 100, users);
        new GovernStage().run(context(spark, root, "warm-up-3"));
    }

    /** Wall and process CPU seconds of one step: CPU time is the steadier figure on a shared machine. */
    record Phase(double wall, double cpu) {
        static Phase time(Runnable work) {
            double cpuStart = processCpuSeconds();
            long start = System.nanoTime();
            work.run();
            return new Phase((System.nanoTime() - start) / 1e9, processCpuSeconds() - cpuStart);
        }

        private static double processCpuSeconds() {
            return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
        }
    }

    static String uptime() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static RunContext context(SparkSession spark, Path root, String runId) {
        PipelineConfig config = com.connekz.pipeline.testing.TestRuns.config(root.toString(), root.toString());
        return new RunContext(spark, config, new HashKey(new byte[32], true), runId, "govern", LocalDate.parse("2026-11-25"), BUILD);
    }

    static void bareRead(SparkSession spark, Lake lake) {
        Dataset<Row> bronze = spark.read().format("delta").load(lake.bronze(Source.CHATS));
        bronze.count();
        bronze.write().format("noop").mode("overwrite").save();
    }

    /** The physical floor of govern: read every bronze row and write it unchanged as a new Delta table. */
    static void bareCopy(SparkSession spark, Lake lake, Path target) {
        spark.read().format("delta").load(lake.bronze(Source.CHATS)).write().format("delta").mode("overwrite").save(target.toString());
    }

    static double seconds(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * One more day: {@code newRecords} chats appended to bronze, and a withdrawal by every 100th user
     * appended to consent, both stamped as ingested later (as the next night's ingestion stamps them),
     * so the next run inserts new records and removes withdrawn ones.
     */
    static void appendADay(SparkSession spark, Lake lake, long records, long newRecords, long users) {
        writeTo(spark.range(records, records + newRecords), Source.CHATS, lake, "append", NEXT_NIGHT, chatExpressions(users));
        // From user 1: every 100th user from 0 is a minor (every 20th is), who has nothing in silver to remove.
        writeTo(spark.range(1, users, 100), Source.CONSENT, lake, "append", NEXT_NIGHT, Map.of(
                "event_id", "concat('w', id)",
                "user_id", "concat('u', id)",
                "purpose", "'model_training'",
                "granted", "false",
                "effective_at", "timestamp'2026-11-20 00:00:00'"));
    }

    static void generate(SparkSession spark, Lake lake, long records, long users, long events) {
        // Accounts: mostly adults; every 20th a minor, every 50th without a birth date, every 97th deleted.
        write(spark.range(users), Source.ACCOUNTS, lake, Map.of(
                "user_id", "concat('u', id)",
                "created_at", "timestamp_seconds(1577836800 + id)",
                "date_of_birth", "CASE WHEN id % 50 = 0 THEN NULL WHEN id % 20 = 0 THEN date'2012-01-01' "
                        + "ELSE date_add(date'1960-01-01', CAST(id % 15000 AS INT)) END",
                "deleted_at", "CASE WHEN id % 97 = 0 THEN timestamp'2026-06-01 00:00:00' END"));
        // Consent: per user a model_training grant early in the year, then one later event that is a
        // withdrawal (every 7th user), a re-grant, or another purpose's grant.
        write(spark.range(events), Source.CONSENT, lake, Map.of(
                "event_id", "concat('e', id)",
                "user_id", "concat('u', id % " + users + ")",
                "purpose", "CASE WHEN id < " + users + " OR (id % 7) < 2 THEN 'model_training' "
                        + "WHEN id % 2 = 0 THEN 'call_training' ELSE 'instance_training' END",
                "granted", "NOT (id >= " + users + " AND id % 7 = 0)",
                "effective_at", "timestamp_seconds(" + EPOCH_2026 + " + CASE WHEN id < " + users
                        + " THEN pmod(hash(id), 5000000) ELSE 10000000 + pmod(hash(id), 15000000) END)"));
        write(spark.range(records), Source.CHATS, lake, chatExpressions(users));
    }

    static Map<String, String> chatExpressions(long users) {
        return Map.of(
                "message_id", "concat('m', id)",
                "conversation_id", "concat('c', id DIV 20)",
                "user_id", "concat('u', pmod(hash(id DIV 20), " + users + "))",
                "role", "CASE WHEN id % 2 = 0 THEN 'user' ELSE 'assistant' END",
                "text", "concat('message ', id, ': ', repeat('lorem ipsum dolor sit amet ', 1 + CAST(id % 8 AS INT)))",
                "created_at", "timestamp_seconds(" + EPOCH_2026 + " + pmod(hash(id, 7), " + (YEAR_SECONDS - 60 * 86400) + "))");
    }

    /** Writes generated rows as the bronze table of {@code source}, in its exact column order and types. */
    static void write(Dataset<?> ids, Source source, Lake lake, Map<String, String> expressions) {
        writeTo(ids, source, lake, "overwrite", FIRST_NIGHT, expressions);
    }

    static void writeTo(Dataset<?> ids, Source source, Lake lake, String mode, String ingestedAt,
                        Map<String, String> expressions) {
        List<Column> columns = new ArrayList<>();
        for (StructField field : BronzeSchema.of(source).fields()) {
            String expression = switch (field.name()) {
                case BronzeSchema.RUN_ID -> "'bench-ingest'";
                case BronzeSchema.SOURCE_FILE -> "'generated.jsonl'";
                case BronzeSchema.LINE -> "id";
                case BronzeSchema.INGESTED_AT -> ingestedAt;
                case BronzeSchema.CONTENT_HASH -> "sha2(CAST(id AS STRING), 256)";
                default -> expressions.getOrDefault(field.name(), "NULL");
            };
            columns.add(functions.expr(expression).cast(field.dataType()).as(field.name()));
        }
        ids.select(columns.toArray(Column[]::new)).write().format("delta").mode(mode).save(lake.bronze(source));
    }
}
