package com.connekz.pipeline.bench;

import com.connekz.pipeline.generate.GenerationSummary;
import com.connekz.pipeline.generate.GeneratorOptions;
import com.connekz.pipeline.generate.LandingGenerator;
import com.connekz.pipeline.ingest.Source;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.fs.FileUtil;

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
    private Batch heldBack;

    BenchLanding(Path work) {
        this.work = work;
        this.landing = work.resolve("landing");
    }

    Path folder() {
        return landing;
    }

    /**
     * Generates {@code days} days of traffic from enough users for about {@code records} records,
     * and the day after them, which is held back for {@link #nextDay()}. Both come from one
     * generation, so the next day's records are new records (the generator's ids count days from
     * its first), as a real day's are.
     */
    Batch firstNights(long records, int days) {
        Path calibration = work.resolve("calibration");
        GenerationSummary sample = LandingGenerator.generate(calibration,
                GeneratorOptions.of(CALIBRATION_USERS, days).withLabels(false));
        deleteRecursively(calibration);
        double recordsPerUser = (double) sample.records() / CALIBRATION_USERS;
        this.users = (int) Math.max(CALIBRATION_USERS, Math.ceil(records / recordsPerUser));
        this.days = days;
        GenerationSummary generated = LandingGenerator.generate(landing, GeneratorOptions.of(users, days + 1).withLabels(false));
        this.heldBack = moveDay(GeneratorOptions.DEFAULT_START_DATE.plusDays(days), landing, work.resolve("next-day"));
        return new Batch(generated.lines() - heldBack.lines(), generated.bytes() - heldBack.bytes());
    }

    /** The same users' traffic on the day after the first batch, moved into the landing zone. */
    Batch nextDay() {
        Path held = work.resolve("next-day");
        moveDay(GeneratorOptions.DEFAULT_START_DATE.plusDays(days), held, landing);
        deleteRecursively(held);
        return heldBack;
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

    /** Moves every source's folder of {@code day} from one landing root to another; its lines and bytes. */
    private static Batch moveDay(LocalDate day, Path fromRoot, Path toRoot) {
        long lines = 0;
        long bytes = 0;
        try {
            for (Source source : Source.values()) {
                Path from = fromRoot.resolve(source.folder()).resolve("dt=" + day);
                if (!Files.isDirectory(from)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(from)) {
                    for (Path file : files.toList()) {
                        bytes += Files.size(file);
                        lines += lines(file);
                    }
                }
                Path to = toRoot.resolve(source.folder()).resolve(from.getFileName());
                Files.createDirectories(to.getParent());
                Files.move(from, to);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Batch(lines, bytes);
    }

    private static long lines(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw, StandardCharsets.UTF_8))) {
            return reader.lines().count();
        }
    }

    static void deleteRecursively(Path root) {
        if (Files.exists(root) && !FileUtil.fullyDelete(root.toFile())) {
            throw new UncheckedIOException(new IOException("cannot delete every file under " + root));
        }
    }

    /** What one night landed: lines and bytes. */
    record Batch(long lines, long bytes) {}
}
