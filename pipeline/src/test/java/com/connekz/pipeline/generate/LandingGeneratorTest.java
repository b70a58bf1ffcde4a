package com.connekz.pipeline.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.connekz.pipeline.ingest.Source;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandingGeneratorTest {

    @TempDir
    Path temp;

    private static GeneratorOptions messy(int users, int days) {
        return GeneratorOptions.of(users, days).withBadLines(0.05, 0.02).withGzip(false, Set.of(Source.CALLS));
    }

    @Test
    void sameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot() throws IOException {
        LandingGenerator.generate(temp.resolve("a"), messy(35, 2));
        LandingGenerator.generate(temp.resolve("b"), messy(35, 2));
        LandingGenerator.generate(temp.resolve("c"), messy(35, 2).withSeed(7));

        Map<String, byte[]> a = contents(temp.resolve("a"));
        Map<String, byte[]> b = contents(temp.resolve("b"));
        assertThat(a).isNotEmpty();
        assertThat(b.keySet()).isEqualTo(a.keySet());
        a.forEach((file, bytes) -> assertThat(b.get(file)).as(file).isEqualTo(bytes));

        byte[] otherChats = Files.readAllBytes(temp.resolve("c/chats/dt=2026-11-01/part-00000.jsonl"));
        assertThat(otherChats).isNotEqualTo(a.get("chats/dt=2026-11-01/part-00000.jsonl"));
    }

    @Test
    void writesEverySourceInDayFoldersWithGzipWhereAsked() throws IOException {
        GenerationSummary summary = LandingGenerator.generate(temp, messy(30, 3));

        for (Source source : Source.values()) {
            assertThat(summary.sources().get(source).records()).as(source.folder()).isPositive();
            for (Path file : LandingLines.files(temp, source)) {
                String relative = temp.relativize(file).toString().replace('\\', '/');
                assertThat(relative).matches(source.folder() + "/dt=2026-11-0[1-3]/part-\\d{5}\\.jsonl"
                        + (source == Source.CALLS ? "\\.gz" : ""));
            }
        }
        Path gz = LandingLines.files(temp, Source.CALLS).get(0);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"segments\"");
        }
        // Chat messages dominate, as in real traffic.
        long chats = summary.sources().get(Source.CHATS).records();
        assertThat(chats * 2).isGreaterThan(summary.records());
    }

    @Test
    void splitsADayIntoPartsAtTheLineLimit() {
        LandingGenerator.generate(temp, GeneratorOptions.of(60, 1).withLinesPerPart(100));

        List<Path> parts = LandingLines.files(temp, Source.CHATS);
        assertThat(parts).hasSizeGreaterThan(2);
        assertThat(parts.get(1).getFileName().toString()).isEqualTo("part-00001.jsonl");
        for (Path part : parts) {
            assertThat(LandingLines.lines(part)).hasSizeLessThanOrEqualTo(100);
        }
        assertThat(LandingLines.lines(parts.get(0))).hasSize(100);
    }

    @Test
    void cleanByDefaultEveryLineIsAGoodRecordAndNoneRepeats() {
        GenerationSummary summary = LandingGenerator.generate(temp, GeneratorOptions.of(30, 2));

        for (Source source : Source.values()) {
            List<String> lines = LandingLines.lines(temp, source);
            assertThat(lines).hasSize((int) summary.sources().get(source).records());
            for (String line : lines) {
                assertThat(LandingLines.problem(source, line)).as(line).isEmpty();
            }
            assertThat(new HashSet<>(lines)).hasSameSizeAs(lines);
        }
    }

    @Test
    void badLinesOfEveryKindAndDuplicatesWhenAsked() {
        GenerationSummary summary = LandingGenerator.generate(temp,
                GeneratorOptions.of(40, 2).withBadLines(0.15, 0.03));

        Map<BadLineKind, Long> found = new EnumMap<>(BadLineKind.class);
        for (Source source : Source.values()) {
            long bad = 0;
            long duplicates = 0;
            Set<String> seen = new HashSet<>();
            for (String line : LandingLines.lines(temp, source)) {
                var problem = LandingLines.problem(source, line);
                if (problem.isPresent()) {
                    bad++;
                    found.merge(problem.get(), 1L, Long::sum);
                } else if (!seen.add(line)) {
                    duplicates++;
                }
            }
            SourceStats stats = summary.sources().get(source);
            assertThat(bad).as(source.folder()).isEqualTo(stats.badLines());
            assertThat(duplicates).as(source.folder()).isEqualTo(stats.duplicates());
        }
        assertThat(found.keySet()).containsExactlyInAnyOrder(BadLineKind.values());
        assertThat(found).isEqualTo(summary.badLineKinds());
        assertThat(summary.sources().values().stream().mapToLong(SourceStats::duplicates).sum()).isPositive();
    }

    @Test
    void refusesAnOutputFolderThatAlreadyHoldsFiles() throws IOException {
        Files.writeString(temp.resolve("old.jsonl"), "{}");
        assertThatThrownBy(() -> LandingGenerator.generate(temp, GeneratorOptions.of(1, 1)))
                .hasMessageContaining("not empty");
    }

    @Test
    void aUserIsRecomputedIdenticallyFromTheSeedSoNoneIsKept() {
        // Streaming by construction: a profile is recomputed from the seed, never stored.
        Population population = new Population(1, new NzFakes(1), new Timeline(GeneratorOptions.DEFAULT_START_DATE, 3));
        UserProfile first = population.profile(12345);
        UserProfile again = population.profile(12345);
        assertThat(again.userId()).isEqualTo(first.userId());
        assertThat(again.fullName()).isEqualTo(first.fullName());
        assertThat(again.ird()).isEqualTo(first.ird());
        assertThat(Arrays.asList(again.email(), again.address())).containsExactly(first.email(), first.address());
    }

    static Map<String, byte[]> contents(Path root) throws IOException {
        Map<String, byte[]> contents = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                contents.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return contents;
    }

    static JsonNode casesJson(Path root) {
        try {
            return LandingLines.MAPPER.readTree(root.resolve("_labels/cases.json").toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
