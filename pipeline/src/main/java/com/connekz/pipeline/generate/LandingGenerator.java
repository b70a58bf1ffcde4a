package com.connekz.pipeline.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Generates synthetic landing-zone data (contract section 1) for all seven sources, with the personal
 * data it planted labelled in {@code _labels/labels.jsonl} and the policy cases it holds listed in
 * {@code _labels/cases.json}.
 *
 * <p>Guarantees: the same options give byte-identical files; memory does not grow with the number
 * of records or users (records go straight to buffered files, users are recomputed from the seed);
 * the output folder must be empty or absent, so no stale file of an earlier run is left mixed in.
 */
public final class LandingGenerator {

    private LandingGenerator() {}

    public static GenerationSummary generate(Path out, GeneratorOptions options) {
        requireEmpty(out);
        if (options.labels() || options.labelsDir() != null) {
            requireEmpty(options.labelsFolder(out));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long started = System.nanoTime();
        long cpuStarted = threads.getCurrentThreadCpuTime();
        Timeline timeline = new Timeline(options.startDate(), options.days());
        NzFakes fakes = new NzFakes(options.seed());
        Population population = new Population(options.seed(), fakes, timeline);
        CaseRecorder cases = new CaseRecorder();
        GenerationSummary summary;
        try (LandingSink sink = new LandingSink(out, options)) {
            UserDay userDay = new UserDay(options.seed(), timeline, sink, cases, fakes);
            for (int day = 0; day < options.days(); day++) {
                sink.startDay(timeline.date(day));
                for (int user = 0; user < options.users(); user++) {
                    userDay.write(population.profile(user), day);
                }
            }
            sink.close();
            summary = new GenerationSummary(out, options, sink.stats(), sink.labelLines(),
                    new EnumMap<>(sink.badLineKinds()), (System.nanoTime() - started) / 1e9,
                    (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9);
        }
        writeCases(out, options, cases, summary);
        return summary;
    }

    private static void writeCases(Path out, GeneratorOptions options, CaseRecorder cases, GenerationSummary summary) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("seed", options.seed());
        json.put("users", options.users());
        json.put("days", options.days());
        json.put("start_date", options.startDate().toString());
        json.putAll(cases.toJson());
        Map<String, Object> lines = new LinkedHashMap<>();
        summary.badLineKinds().forEach((kind, count) -> lines.put(kind.name().toLowerCase(java.util.Locale.ROOT), count));
        json.put("bad_lines", lines);
        Map<String, Object> duplicates = new LinkedHashMap<>();
        summary.sources().forEach((source, stats) -> duplicates.put(source.folder(), stats.duplicates()));
        json.put("duplicates", duplicates);
        try {
            Path folder = options.labelsFolder(out);
            Files.createDirectories(folder);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(folder.resolve("cases.json").toFile(), json);
            Files.writeString(folder.resolve("cases.md"), CasesMarkdown.render(json), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireEmpty(Path out) {
        if (!Files.exists(out)) {
            return;
        }
        try (Stream<Path> entries = Files.list(out)) {
            if (entries.findAny().isPresent()) {
                throw new IllegalArgumentException("output folder is not empty: " + out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
