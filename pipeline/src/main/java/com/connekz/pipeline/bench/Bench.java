package com.connekz.pipeline.bench;

import com.connekz.pipeline.config.HashKey;
import com.connekz.pipeline.config.PipelineConfig;
import com.connekz.pipeline.generate.GenerationSummary;
import com.connekz.pipeline.generate.GeneratorOptions;
import com.connekz.pipeline.generate.LandingGenerator;
import com.connekz.pipeline.run.RunContext;
import com.connekz.pipeline.run.RunIds;
import com.connekz.pipeline.run.Stage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * Generates about {@code records} landing records, then times each stage of a nightly run on them
 * beside a bare Spark copy of the same files (read JSON with the contract schema, write Delta),
 * measured twice in the same run (before and after the stages) so that warm-up does not flatter
 * either side; the faster bare copy is the baseline.
 */
public final class Bench {
    private static final int CALIBRATION_USERS = 200;

    private final SparkSession spark;
    private final PipelineConfig config;
    private final HashKey key;
    private final Path work;

    public Bench(SparkSession spark, PipelineConfig config, HashKey key, Path work) {
        this.spark = spark;
        this.config = config;
        this.key = key;
        this.work = work;
    }

    public List<Measurement> run(long records, int days, Function<RunContext, List<Stage>> stages) {
        Path landing = work.resolve("landing");
        GenerationSummary generated = generate(landing, records, days);
        long bytes = generated.bytes();
        long lines = generated.lines();

        Duration bare1 = time(() -> BareCopy.copy(spark, landing, work.resolve("bare-1")));
        RunContext context = context(landing);
        List<Stage> ran = stages.apply(context);
        List<Duration> stageTimes = new ArrayList<>();
        List<Long> heaps = new ArrayList<>();
        for (Stage stage : ran) {
            HeapWatch.reset();
            stageTimes.add(time(() -> stage.run(context)));
            heaps.add(HeapWatch.peak());
        }
        Duration bare2 = time(() -> BareCopy.copy(spark, landing, work.resolve("bare-2")));
        Duration baseline = bare1.compareTo(bare2) <= 0 ? bare1 : bare2;

        List<Measurement> measurements = new ArrayList<>();
        Duration total = Duration.ZERO;
        long peak = 0;
        for (int i = 0; i < ran.size(); i++) {
            measurements.add(new Measurement(ran.get(i).name(), lines, bytes, stageTimes.get(i), baseline, "bare copy", heaps.get(i)));
            total = total.plus(stageTimes.get(i));
            peak = Math.max(peak, heaps.get(i));
        }
        measurements.add(new Measurement("nightly", lines, bytes, total, baseline, "bare copy", peak));
        return measurements;
    }

    private GenerationSummary generate(Path landing, long records, int days) {
        Path calibration = work.resolve("calibration");
        GenerationSummary sample = LandingGenerator.generate(calibration,
                GeneratorOptions.of(CALIBRATION_USERS, days).withLabels(false));
        deleteRecursively(calibration);
        double recordsPerUser = (double) sample.records() / CALIBRATION_USERS;
        int users = (int) Math.max(CALIBRATION_USERS, Math.ceil(records / recordsPerUser));
        return LandingGenerator.generate(landing, GeneratorOptions.of(users, days).withLabels(false));
    }

    private RunContext context(Path landing) {
        PipelineConfig benchConfig = new PipelineConfig(landing.toString(), work.resolve("lake").toString(),
                config.spark(), config.s3(), config.hashing(), config.deletion(), config.airflow(),
                new PipelineConfig.LineageSettings("none", null), config.redaction());
        Instant now = Instant.now();
        return new RunContext(spark, benchConfig, key, RunIds.next(now), "bench", LocalDate.now(), now);
    }

    private static Duration time(Runnable step) {
        long start = System.nanoTime();
        step.run();
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
