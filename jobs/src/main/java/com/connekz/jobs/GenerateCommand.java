package com.connekz.jobs;

import com.connekz.pipeline.generate.GenerationSummary;
import com.connekz.pipeline.generate.GeneratorOptions;
import com.connekz.pipeline.generate.LandingGenerator;
import com.connekz.pipeline.generate.SourceStats;
import com.connekz.pipeline.ingest.Source;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code generate}: synthetic landing-zone data at any scale, with the personal data it planted labelled. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {
            "Writes synthetic landing data for all seven sources to <out>/<source>/dt=YYYY-MM-DD/part-NNNNN.jsonl,",
            "the planted personal data to <out>/_labels/labels.jsonl and the policy cases to <out>/_labels/cases.json",
            "(--labels-dir puts those elsewhere, e.g. beside a landing zone that ingestion reads).",
            "The same options and seed give byte-identical output. The first 25 users each show one policy case,",
            "so at least 25 users are needed for every case to be present."
        })
public final class GenerateCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, description = "empty or new local folder to write the landing zone to")
    String out;

    @Option(names = "--users", required = true, description = "number of users (developers included)")
    int users;

    @Option(names = "--days", required = true, description = "number of consecutive days")
    int days;

    @Option(names = "--seed", description = "seed of every random choice (default: ${DEFAULT-VALUE})",
            defaultValue = "" + GeneratorOptions.DEFAULT_SEED)
    long seed;

    @Option(names = "--start-date", description = "first day, YYYY-MM-DD (default: 2026-11-01)")
    LocalDate startDate = GeneratorOptions.DEFAULT_START_DATE;

    @Option(names = "--gzip", description = "gzip every part file (.jsonl.gz)")
    boolean gzip;

    @Option(names = "--gzip-source", paramLabel = "SOURCE",
            description = "gzip only this source's part files (repeatable), e.g. calls")
    Set<String> gzipSources = new LinkedHashSet<>();

    @Option(names = "--bad-line-rate", description = "share of records preceded by a deliberately bad copy: invalid JSON, missing field, wrong type, bad timestamp or enum (default: 0)")
    double badLineRate;

    @Option(names = "--duplicate-rate", description = "share of records landed twice, as re-delivery does (default: 0)")
    double duplicateRate;

    @Option(names = "--lines-per-part", description = "lines after which a day's file splits (default: ${DEFAULT-VALUE})",
            defaultValue = "" + GeneratorOptions.DEFAULT_LINES_PER_PART)
    long linesPerPart;

    @Option(names = "--no-labels", description = "skip labels.jsonl (the case list is still written)")
    boolean noLabels;

    @Option(names = "--labels-dir", description = "empty or new folder for labels.jsonl and cases.json/.md "
            + "(default: <out>/_labels)")
    Path labelsDir;

    @Override
    public Integer call() throws JsonProcessingException {
        if (out.contains("://")) {
            throw new IllegalArgumentException("--out must be a local folder, was a URI");
        }
        Set<Source> gzipped = new LinkedHashSet<>();
        for (String name : gzipSources) {
            gzipped.add(Source.byFolder(name).orElseThrow(
                    () -> new IllegalArgumentException("--gzip-source: not a landing source: " + name)));
        }
        GeneratorOptions options = new GeneratorOptions(users, days, startDate, seed, gzip, gzipped,
                badLineRate, duplicateRate, linesPerPart, !noLabels, labelsDir);
        GenerationSummary summary = LandingGenerator.generate(Path.of(out), options);
        PrintWriter printer = spec.commandLine().getOut();
        if (common.json()) {
            printer.println(new ObjectMapper().writeValueAsString(summary.toJson()));
        } else {
            printForPeople(summary, printer);
        }
        printer.flush();
        return 0;
    }

    private static void printForPeople(GenerationSummary summary, PrintWriter printer) {
        printer.printf(Locale.ROOT, "generated %d users over %d days from %s (seed %d) into %s%n",
                summary.options().users(), summary.options().days(), summary.options().startDate(),
                summary.options().seed(), summary.out());
        printer.printf(Locale.ROOT, "%-10s %12s %10s %11s %6s %14s%n", "source", "records", "bad lines", "duplicates", "files", "bytes");
        for (Map.Entry<Source, SourceStats> entry : summary.sources().entrySet()) {
            SourceStats stats = entry.getValue();
            printer.printf(Locale.ROOT, "%-10s %12d %10d %11d %6d %14d%n", entry.getKey().folder(), stats.records(),
                    stats.badLines(), stats.duplicates(), stats.files(), stats.bytes());
        }
        printer.printf(Locale.ROOT, "%-10s %12d %10s %11s %6d %14d%n", "total", summary.records(), "", "",
                summary.files(), summary.bytes());
        printer.printf(Locale.ROOT, "labels: %d labelled fields in %s; policy cases in cases.json and cases.md beside it%n",
                summary.labelLines(), summary.options().labelsFolder(summary.out()).resolve("labels.jsonl"));
        printer.printf(Locale.ROOT, "time: %.2f s wall, %.2f s CPU; %.0f lines/s and %.1f MB/s wall, %.0f lines/s and %.1f MB/s per CPU second%n",
                summary.seconds(), summary.cpuSeconds(), summary.linesPerSecond(), summary.megabytesPerSecond(),
                summary.linesPerCpuSecond(), summary.megabytesPerCpuSecond());
    }
}
