package com.connekz.pipeline.deletion;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.current_timestamp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.repeat;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import com.connekz.pipeline.datasets.GoldSchema;
import com.connekz.pipeline.spark.Sparks;
import io.delta.tables.DeltaTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Not a unit test: deletes 100 users from a gold table of 1,000,000 examples (10,000 users, files
 * laid out by subject hash) the way the deletion stage does (one MERGE on example ids, then REORG),
 * and in the same run rewrites the whole table without them, the alternative a naive erasure takes.
 * Prints both times, the files each rewrote, and the ratio.
 *
 * <p>Run: {@code java -cp <test classpath> com.connekz.pipeline.deletion.DeletionBenchmark [examples] [files]}
 */
public final class DeletionBenchmark {
    private DeletionBenchmark() {}

    public static void main(String[] args) throws Exception {
        long examples = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int users = 10_000;
        int deletedUsers = 100;
        SparkSession.Builder builder = SparkSession.builder().master("local[2]").appName("deletion-benchmark");
        Sparks.deltaSettings().forEach(builder::config);
        Sparks.localModeSettings().forEach(builder::config);
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        Path root = Files.createTempDirectory("deletion-benchmark");
        String gold = root.resolve("gold").toString();

        long started = System.nanoTime();
        goldExamples(spark, examples, users).repartitionByRange(files, col(GoldSchema.SUBJECT_HASH))
                .sortWithinPartitions(GoldSchema.SUBJECT_HASH)
                .write().format("delta")
                .option("delta.dataSkippingStatsColumns", String.join(",", GoldSchema.STATS_COLUMNS))
                .save(gold);
        System.out.printf("setup: %,d examples in %d files written in %.1f s%n", examples, fileCount(spark, gold),
                (System.nanoTime() - started) / 1e9);

        Dataset<Row> doomed = spark.range(0, users, users / deletedUsers)
                .select(sha2(concat(lit("user-"), col("id").cast("string")), 256).as(GoldSchema.SUBJECT_HASH),
                        sha2(concat(lit("request-"), col("id").cast("string")), 256).as(RowDeleter.REQUEST_HASH));

        // Warm-up: one full read, so neither measured side pays for the first scan of the table.
        spark.read().format("delta").load(gold).write().format("noop").mode("overwrite").save();

        long deleteStart = System.nanoTime();
        // As DeletionStage does: the requests' subject hashes are known, so both the search for
        // victims and the MERGE filter on them and Delta skips files by their subject_hash range.
        Object[] subjects = doomed.select(GoldSchema.SUBJECT_HASH).as(Encoders.STRING()).collectAsList().toArray();
        Dataset<Row> table = spark.read().format("delta").load(gold).filter(col(GoldSchema.SUBJECT_HASH).isin(subjects));
        Dataset<Row> victims = table.join(broadcast(doomed), GoldSchema.SUBJECT_HASH)
                .select(GoldSchema.EXAMPLE_ID, RowDeleter.REQUEST_HASH);
        RowDeleter.Deleted deleted = new RowDeleter(spark).delete(gold, victims, List.of(GoldSchema.EXAMPLE_ID),
                col("t." + GoldSchema.SUBJECT_HASH).isin(subjects));
        double deleteSeconds = (System.nanoTime() - deleteStart) / 1e9;
        Map<String, String> metrics = mergeMetrics(spark, gold, deleted.version().getAsLong());

        long rewriteStart = System.nanoTime();
        String rewritten = root.resolve("gold-rewritten").toString();
        spark.read().format("delta").option("versionAsOf", 0).load(gold)
                .join(broadcast(doomed.select(GoldSchema.SUBJECT_HASH)), GoldSchema.SUBJECT_HASH, "left_anti")
                .write().format("delta")
                .option("delta.dataSkippingStatsColumns", String.join(",", GoldSchema.STATS_COLUMNS))
                .save(rewritten);
        double rewriteSeconds = (System.nanoTime() - rewriteStart) / 1e9;

        System.out.printf("deleted %d users: %,d examples removed%n", deletedUsers, deleted.rows());
        System.out.printf("deletion stage (MERGE + REORG): %.1f s, files rewritten %s of %d (files added %s)%n",
                deleteSeconds, metrics.get("numTargetFilesRemoved"), files, metrics.get("numTargetFilesAdded"));
        System.out.printf("full rewrite of the table:      %.1f s, files written %d%n", rewriteSeconds, fileCount(spark, rewritten));
        System.out.printf("ratio deletion / full rewrite:  %.2f (target <= 0.20)%n", deleteSeconds / rewriteSeconds);
        spark.stop();
    }

    static Dataset<Row> goldExamples(SparkSession spark, long examples, int users) {
        Dataset<Row> ids = spark.range(examples).withColumn("user", col("id").mod(users));
        return ids.select(
                sha2(concat(lit("example-"), col("id").cast("string")), 256).as(GoldSchema.EXAMPLE_ID),
                lit("chat").as(GoldSchema.KIND),
                array(struct(lit("user").as("role"), concat(lit("question number "), col("id").cast("string"), lit(" "), repeat(lit("lorem "), 15)).as("content")),
                        struct(lit("assistant").as("role"), concat(lit("answer number "), col("id").cast("string"), lit(" "), repeat(lit("ipsum "), 25)).as("content")))
                        .as(GoldSchema.MESSAGES),
                lit(null).cast("string").as(GoldSchema.SUMMARY),
                when(col("id").mod(20).equalTo(0), lit("validation")).otherwise(lit("train")).as(GoldSchema.SPLIT),
                lit("assistant").as(GoldSchema.TENANT),
                sha2(concat(lit("user-"), col("user").cast("string")), 256).as(GoldSchema.SUBJECT_HASH),
                current_timestamp().as(GoldSchema.CREATED_AT),
                array(sha2(concat(lit("chats/"), col("id").cast("string")), 256)).as(GoldSchema.SOURCE_RECORD_KEYS),
                sha2(col("id").cast("string"), 256).as(GoldSchema.CONTENT_HASH));
    }

    private static Map<String, String> mergeMetrics(SparkSession spark, String path, long version) {
        Row commit = DeltaTable.forPath(spark, path).history().filter(col("version").equalTo(version)).first();
        return commit.getJavaMap(commit.fieldIndex("operationMetrics"));
    }

    private static long fileCount(SparkSession spark, String path) {
        return spark.read().format("delta").load(path).inputFiles().length;
    }
}
