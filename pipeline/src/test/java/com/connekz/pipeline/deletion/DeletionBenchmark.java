package com.connekz.pipeline.deletion;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.repeat;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.when;

import com.connekz.pipeline.datasets.GoldSchema;
import com.connekz.pipeline.hashing.KeyedHash;
import com.connekz.pipeline.ingest.Source;
import com.connekz.pipeline.run.StageResult;
import com.connekz.pipeline.bench.QueryTimings;
import com.connekz.pipeline.testing.SharedSpark;
import com.connekz.pipeline.testing.TestLake;
import com.connekz.pipeline.testing.TwoUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Not a unit test: deletes 100 users from a gold table of 1,000,000 examples (10,000 users, files
 * laid out by subject hash) by running the deletion stage itself on a lake holding that table and 100
 * account deletion requests, and in the same run rewrites the whole table without them, the
 * alternative a naive erasure takes. After one unmeasured stage run (so both sides run warm, as the
 * rewrite, measured last, otherwise alone would), measures the stage twice on fresh copies of the lake: with the
 * default retention (the rows leave every current version; the purge comes in a later run) and with
 * retention 0 (applied and erased from disk in the same run). Prints the times, the files each
 * rewrote, the ratios, and where each run spent its time (Spark SQL executions by call site).
 *
 * <p>Run: {@code java -cp <test classpath> com.connekz.pipeline.deletion.DeletionBenchmark
 * [examples] [files] [template folder]}; a template folder that already holds the table is reused.
 */
public final class DeletionBenchmark {
    private static final int USERS = 10_000;
    private static final int DELETED_USERS = 100;

    private DeletionBenchmark() {}

    public static void main(String[] args) throws Exception {
        long examples = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Path work = Files.createTempDirectory("deletion-benchmark");
        Path template = args.length > 2 ? Path.of(args[2]) : work.resolve("template");
        SparkSession spark = SharedSpark.asThePipelineRuns();
        spark.sparkContext().setLogLevel("WARN");
        QueryTimings timings = new QueryTimings();
        spark.sparkContext().addSparkListener(timings);

        TestLake templateLake = new TestLake(spark, template);
        String templateGold = templateLake.lake().gold("assistant");
        if (!Files.isDirectory(Path.of(templateGold, "_delta_log"))) {
            long started = System.nanoTime();
            goldExamples(spark, templateLake.hash(), examples).repartitionByRange(files, col(GoldSchema.SUBJECT_HASH))
                    .sortWithinPartitions(GoldSchema.SUBJECT_HASH)
                    .write().format("delta")
                    .option("delta.dataSkippingStatsColumns", String.join(",", GoldSchema.STATS_COLUMNS))
                    .option("delta.enableChangeDataFeed", "false")
                    .save(templateGold);
            System.out.printf("setup: %,d examples written in %.1f s%n", examples, (System.nanoTime() - started) / 1e9);
        }
        Set<String> templateFiles = fileNames(spark, templateGold);
        System.out.printf("gold table: %,d files%n", templateFiles.size());
        // Warm-up: one full read and one stage run on a copy thrown away, so neither measured side
        // pays for the first scan of the table or the first compilation of the stage's code.
        spark.read().format("delta").load(templateGold).write().format("noop").mode("overwrite").save();
        Measured warmUp = deleteUsers(spark, template, work.resolve("warm-up"), 168, timings);
        System.out.printf("warm-up stage run (not measured): %.1f s%n", warmUp.seconds());

        Measured apply = deleteUsers(spark, template, work.resolve("apply"), 168, timings);
        Measured erase = deleteUsers(spark, template, work.resolve("erase"), 0, timings);

        timings.reset();
        long rewriteStart = System.nanoTime();
        List<String> deletedHashes = deletedUserIds().map(templateLake.hash()::of).toList();
        Dataset<Row> deletedSubjects = spark.createDataset(deletedHashes, org.apache.spark.sql.Encoders.STRING())
                .toDF(GoldSchema.SUBJECT_HASH);
        spark.read().format("delta").load(templateGold)
                .join(broadcast(deletedSubjects), GoldSchema.SUBJECT_HASH, "left_anti")
                .write().format("delta")
                .option("delta.dataSkippingStatsColumns", String.join(",", GoldSchema.STATS_COLUMNS))
                .save(work.resolve("gold-rewritten").toString());
        double rewriteSeconds = (System.nanoTime() - rewriteStart) / 1e9;
        List<String> rewriteProfile = timings.report();

        for (Measured m : List.of(apply, erase)) {
            Set<String> removed = new HashSet<>(templateFiles);
            removed.removeAll(m.filesAfter());
            System.out.printf("%n%s: %.1f s, %,d examples removed, files rewritten %d of %d (files added %d)%n",
                    m.label(), m.seconds(), m.examplesRemoved(), removed.size(), templateFiles.size(),
                    m.filesAfter().size() - (templateFiles.size() - removed.size()));
            System.out.printf("  stage metrics: %s%n", m.metrics());
            m.profile().forEach(line -> System.out.println("  " + line));
        }
        System.out.printf("%nfull rewrite of the table: %.1f s%n", rewriteSeconds);
        rewriteProfile.forEach(line -> System.out.println("  " + line));
        System.out.printf("%nratio apply (retention 168 h) / full rewrite:    %.2f (target <= 0.20)%n", apply.seconds() / rewriteSeconds);
        System.out.printf("ratio apply + erase (retention 0) / full rewrite: %.2f (target <= 0.20)%n", erase.seconds() / rewriteSeconds);
        spark.stop();
    }

    private record Measured(String label, double seconds, long examplesRemoved, Set<String> filesAfter,
                            Map<String, Long> metrics, List<String> profile) {}

    /** Copies the template lake to {@code root}, lands 100 account deletions, and times the stage. */
    private static Measured deleteUsers(SparkSession spark, Path template, Path root, int retentionHours,
                                        QueryTimings timings) throws IOException {
        copy(template, root);
        TestLake lake = new TestLake(spark, root);
        lake.bronze(Source.DELETIONS, deletedUserIds()
                .map(user -> TwoUsers.deletion("request-" + user, user, "account", null)).toList());
        String gold = lake.lake().gold("assistant");
        long before = spark.read().format("delta").load(gold).count();
        timings.reset();
        long started = System.nanoTime();
        StageResult result = new DeletionStage().run(lake.context("delete", retentionHours));
        double seconds = (System.nanoTime() - started) / 1e9;
        List<String> profile = timings.report();
        long after = spark.read().format("delta").load(gold).count();
        String label = "deletion stage, retention " + retentionHours + " h"
                + (retentionHours == 0 ? " (apply + erase from disk)" : " (apply; purge in a later run)");
        return new Measured(label, seconds, before - after,
                fileNames(spark, gold), result.metrics(), profile);
    }

    /** The names of the data files of the table's latest version (copies keep the names). */
    private static Set<String> fileNames(SparkSession spark, String table) {
        Set<String> names = new HashSet<>();
        for (String file : spark.read().format("delta").load(table).inputFiles()) {
            names.add(file.substring(file.lastIndexOf('/') + 1));
        }
        return names;
    }

    /** The raw ids of the deleted users: every hundredth user. */
    static Stream<String> deletedUserIds() {
        return LongStream.range(0, DELETED_USERS).mapToObj(i -> "user-" + i * (USERS / DELETED_USERS));
    }

    static Dataset<Row> goldExamples(SparkSession spark, KeyedHash hash, long examples) {
        Dataset<Row> ids = spark.range(examples).withColumn("user", col("id").mod(USERS));
        return ids.select(
                sha2(concat(lit("example-"), col("id").cast("string")), 256).as(GoldSchema.EXAMPLE_ID),
                lit("chat").as(GoldSchema.KIND),
                array(struct(lit("user").as("role"), concat(lit("question number "), col("id").cast("string"), lit(" "), repeat(lit("lorem "), 15)).as("content")),
                        struct(lit("assistant").as("role"), concat(lit("answer number "), col("id").cast("string"), lit(" "), repeat(lit("ipsum "), 25)).as("content")))
                        .as(GoldSchema.MESSAGES),
                lit(null).cast("string").as(GoldSchema.SUMMARY),
                when(col("id").mod(20).equalTo(0), lit("validation")).otherwise(lit("train")).as(GoldSchema.SPLIT),
                lit("assistant").as(GoldSchema.TENANT),
                hash.column(concat(lit("user-"), col("user").cast("string"))).as(GoldSchema.SUBJECT_HASH),
                timestamp_seconds(lit(1_763_000_000L).plus(col("id").mod(86_400))).as(GoldSchema.CREATED_AT),
                array(sha2(concat(lit("chats/"), col("id").cast("string")), 256)).as(GoldSchema.SOURCE_RECORD_KEYS),
                sha2(col("id").cast("string"), 256).as(GoldSchema.CONTENT_HASH));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path file : walk.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
