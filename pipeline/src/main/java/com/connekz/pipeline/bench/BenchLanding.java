package com.connekz.pipeline.bench;

import com.connekz.pipeline.generate.GenerationSummary;
import com.connekz.pipeline.generate.GeneratorOptions;
import com.connekz.pipeline.generate.LandingGenerator;
import com.connekz.pipeline.ingest.Source;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The benchmark's landing zone: a first batch of days sized to about the requested number of
 * records, then one more day on top, then a day holding only deletion requests.
 */
final class BenchLanding {
    private static final int CALIBRATION_USERS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path work;
    private final Path landing;
    private int users;
    private int days;

    BenchLanding(Path work) {
        this.work = work;
        this.landing = work.resolve("landing");
    }

    Path folder() {
        return landing;
    }

    /** Generates {@code days} days of traffic from enough users for about {@code records} records. */
    Batch firstNights(long records, int days) {
        Path calibration = work.resolve("calibration");
        GenerationSummary sample = LandingGenerator.generate(calibration,
                GeneratorOptions.of(CALIBRATION_USERS, days).withLabels(false));
        deleteRecursively(calibration);
        double recordsPerUser = (double) sample.records() / CALIBRATION_USERS;
        this.users = (int) Math.max(CALIBRATION_USERS, Math.ceil(records / recordsPerUser));
        this.days = days;
        GenerationSummary generated = LandingGenerator.generate(landing, GeneratorOptions.of(users, days).withLabels(false));
        return new Batch(generated.lines(), generated.bytes());
    }

    /** The same users' traffic on the day after the first batch, moved into the landing zone. */
    Batch nextDay() {
        Path extra = work.resolve("next-day");
        GenerationSummary generated = LandingGenerator.generate(extra, GeneratorOptions.of(users, 1)
                .withStartDate(GeneratorOptions.DEFAULT_START_DATE.plusDays(days)).withLabels(false));
        for (Source source : Source.values()) {
            Path from = extra.resolve(source.folder());
            if (Files.isDirectory(from)) {
                moveDayFolders(from, landing.resolve(source.folder()));
            }
        }
        deleteRecursively(extra);
        return new Batch(generated.lines(), generated.bytes());
    }

    /** Lands one account deletion request for each of {@code userIds}, two days after the first batch. */
    Batch deletionRequests(List<String> userIds) {
        LocalDate day = GeneratorOptions.DEFAULT_START_DATE.plusDays(days + 1L);
        Path file = landing.resolve(Source.DELETIONS.folder()).resolve("dt=" + day).resolve("bench-deletions.jsonl");
        try {
            Files.createDirectories(file.getParent());
            try (BufferedWriter out = Files.newBufferedWriter(file)) {
                for (int i = 0; i < userIds.size(); i++) {
                    Map<String, String> request = new LinkedHashMap<>();
                    request.put("request_id", "bench-deletion-%04d".formatted(i));
                    request.put("user_id", userIds.get(i));
                    request.put("scope", "account");
                    request.put("requested_at", day + "T12:00:00Z");
                    out.write(JSON.writeValueAsString(request));
                    out.newLine();
                }
            }
            return new Batch(userIds.size(), Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void moveDayFolders(Path from, Path to) {
        try (Stream<Path> dayFolders = Files.list(from)) {
            Files.createDirectories(to);
            for (Path dayFolder : dayFolders.toList()) {
                Files.move(dayFolder, to.resolve(dayFolder.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What one night landed: lines and bytes. */
    record Batch(long lines, long bytes) {}
}
