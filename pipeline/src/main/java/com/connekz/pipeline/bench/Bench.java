package com.connekz.pipeline.bench;

import com.connekz.pipeline.config.HashKey;
import com.connekz.pipeline.config.PipelineConfig;
import com.connekz.pipeline.ingest.Source;
import com.connekz.pipeline.lake.DeltaTables;
import com.connekz.pipeline.lake.Lake;
import com.connekz.pipeline.run.RunContext;
import com.connekz.pipeline.run.RunIds;
import com.connekz.pipeline.run.Stage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;

/**
 * Times three nights of the pipeline on generated data, each beside a baseline measured in the same
 * run: the first night (every stage and the whole night against a bare Spark copy of the same files,
 * measured before and after the stages, the faster one kept), an incremental night of one more day
 * (against the first night), and a night that erases users (the deletion stage against a full
 * rewrite of every erasable table).
 */
public final class Bench {
    public static final String FIRST = "first";
    public static final String INCREMENTAL = "incremental";
    public static final String DELETION = "deletion";
    private static final String DELETE_STAGE = "delete";

    private final SparkSession spark;
    private final PipelineConfig config;
    private final HashKey key;
    private final Path work;
    private final StageProfile profile;

    public Bench(SparkSession spark, PipelineConfig config, HashKey key, Path work, StageProfile profile) {
        this.spark = spark;
        this.config = config;
        this.key = key;
        this.work = work;
        this.profile = profile;
    }

    /**
     * Runs the nights and returns every measurement, night by night, each night's stages followed by
     * its {@code nightly} total.
     *
     * @param records      about how many records the first night lands
     * @param days         how many days the first night lands (one more day is then about 1/days of it)
     * @param deletedUsers how many users the deletion night erases (0 skips that night)
     * @param stages       the stages of a night, in nightly order
     * @param onNight      receives each night's measurements as soon as the night is done
     */
    public List<Measurement> run(long records, int days, int deletedUsers, Function<RunContext, List<Stage>> stages,
            Consumer<List<Measurement>> onNight) {
        for (String scratch : List.of("landing", "lake", "bare-1", "bare-2", "rewrite")) {
            BenchLanding.deleteRecursively(work.resolve(scratch));
        }
        BenchLanding landing = new BenchLanding(work);
        BenchLanding.Batch first = landing.firstNights(records, days);
        List<Measurement> all = new ArrayList<>();

        Duration bare1 = time(() -> BareCopy.copy(spark, landing.folder(), work.resolve("bare-1")));
        Night firstNight = Night.run(context(landing.folder(), 0), stages, profile);
        Duration bare2 = time(() -> BareCopy.copy(spark, landing.folder(), work.resolve("bare-2")));
        Duration bare = bare1.compareTo(bare2) <= 0 ? bare1 : bare2;
        Night.Baseline bareCopy = new Night.Baseline("bare copy", bare);
        all.addAll(report(firstNight.measure(FIRST, first, stage -> bareCopy), onNight));

        BenchLanding.Batch nextDay = landing.nextDay();
        Night incremental = Night.run(context(landing.folder(), 1), stages, profile);
        all.addAll(report(incremental.measure(INCREMENTAL, nextDay, stage -> sameStageOf(firstNight, stage)), onNight));

        if (deletedUsers > 0) {
            BenchLanding.Batch requests = landing.deletionRequests(someUsers(deletedUsers));
            Duration rewrite = time(() -> FullRewrite.rewrite(spark, work.resolve("lake"), work.resolve("rewrite")));
            Night deletion = Night.run(context(landing.folder(), 2), stages, profile);
            Night.Baseline fullRewrite = new Night.Baseline("full rewrite", rewrite);
            all.addAll(report(deletion.measure(DELETION, requests,
                    stage -> stage.equals(DELETE_STAGE) ? fullRewrite : sameStageOf(firstNight, stage)), onNight));
        }
        return all;
    }

    private static List<Measurement> report(List<Measurement> night, Consumer<List<Measurement>> onNight) {
        onNight.accept(night);
        return night;
    }

    private static Night.Baseline sameStageOf(Night firstNight, String stage) {
        return new Night.Baseline("first night", firstNight.timeOf(stage));
    }

    /** Up to {@code count} account ids from bronze: a small, bounded collect. */
    private List<String> someUsers(int count) {
        String accounts = new Lake(work.resolve("lake").toString()).bronze(Source.ACCOUNTS);
        if (!DeltaTables.exists(spark, accounts)) {
            return List.of();
        }
        return spark.read().format("delta").load(accounts).select("user_id").distinct()
                .orderBy("user_id").limit(count).as(Encoders.STRING()).collectAsList();
    }

    private RunContext context(Path landing, int night) {
        PipelineConfig benchConfig = new PipelineConfig(landing.toString(), work.resolve("lake").toString(),
                config.spark(), config.s3(), config.hashing(), config.deletion(), config.airflow(),
                new PipelineConfig.LineageSettings("none", null), config.redaction());
        Instant now = Instant.now();
        return new RunContext(spark, benchConfig, key, RunIds.next(now), "bench", LocalDate.now().plusDays(night), now);
    }

    static Duration time(Runnable step) {
        long start = System.nanoTime();
        step.run();
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
