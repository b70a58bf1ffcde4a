package com.connekz.pipeline.generate;

import com.connekz.pipeline.ingest.Source;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

/**
 * What to generate.
 *
 * @param users         how many users (developers included)
 * @param days          how many consecutive days of traffic
 * @param startDate     the first day; fixed by default so that a seed alone fixes the output
 * @param seed          the seed every random choice derives from
 * @param gzip          whether every part file is gzip-compressed
 * @param gzipSources   sources whose part files are gzip-compressed even when {@code gzip} is off
 * @param badLineRate   share of records preceded by a deliberately damaged copy (a bad line)
 * @param duplicateRate share of records landed a second time a few lines later
 * @param linesPerPart  lines after which a day's file is split into a further part
 * @param labels        whether to write {@code labels.jsonl}
 * @param labelsDir     where labels and the case list go; null means {@code <out>/_labels}
 */
public record GeneratorOptions(
        int users,
        int days,
        LocalDate startDate,
        long seed,
        boolean gzip,
        Set<Source> gzipSources,
        double badLineRate,
        double duplicateRate,
        long linesPerPart,
        boolean labels,
        Path labelsDir) {

    public static final LocalDate DEFAULT_START_DATE = LocalDate.of(2026, 11, 1);
    public static final long DEFAULT_SEED = 20261101L;
    public static final long DEFAULT_LINES_PER_PART = 250_000;

    public GeneratorOptions {
        if (users < 1) {
            throw new IllegalArgumentException("users must be at least 1, was " + users);
        }
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, was " + days);
        }
        if (badLineRate < 0 || badLineRate >= 1) {
            throw new IllegalArgumentException("bad-line rate must be in [0, 1), was " + badLineRate);
        }
        if (duplicateRate < 0 || duplicateRate >= 1) {
            throw new IllegalArgumentException("duplicate rate must be in [0, 1), was " + duplicateRate);
        }
        if (linesPerPart < 1) {
            throw new IllegalArgumentException("lines per part must be at least 1, was " + linesPerPart);
        }
        gzipSources = Set.copyOf(gzipSources);
    }

    /** Clean data: default start date and seed, plain files, no bad lines or duplicates, with labels. */
    public static GeneratorOptions of(int users, int days) {
        return new GeneratorOptions(users, days, DEFAULT_START_DATE, DEFAULT_SEED, false, Set.of(),
                0, 0, DEFAULT_LINES_PER_PART, true, null);
    }

    /**
     * What {@code data-samples/} holds: 50 users over 3 days with some bad lines and re-deliveries,
     * calls gzipped, labels beside the landing zone rather than inside it.
     */
    public static GeneratorOptions samples(Path labelsDir) {
        return of(50, 3).withBadLines(0.02, 0.01).withGzip(false, Set.of(Source.CALLS)).withLabelsDir(labelsDir);
    }

    /** The folder labels and cases go to for a landing zone written to {@code out}. */
    public Path labelsFolder(Path out) {
        return labelsDir != null ? labelsDir : out.resolve("_labels");
    }

    public GeneratorOptions withSeed(long newSeed) {
        return new GeneratorOptions(users, days, startDate, newSeed, gzip, gzipSources, badLineRate, duplicateRate, linesPerPart, labels, labelsDir);
    }

    public GeneratorOptions withStartDate(LocalDate date) {
        return new GeneratorOptions(users, days, date, seed, gzip, gzipSources, badLineRate, duplicateRate, linesPerPart, labels, labelsDir);
    }

    public GeneratorOptions withGzip(boolean all, Set<Source> sources) {
        return new GeneratorOptions(users, days, startDate, seed, all, sources, badLineRate, duplicateRate, linesPerPart, labels, labelsDir);
    }

    public GeneratorOptions withBadLines(double badRate, double dupRate) {
        return new GeneratorOptions(users, days, startDate, seed, gzip, gzipSources, badRate, dupRate, linesPerPart, labels, labelsDir);
    }

    public GeneratorOptions withLinesPerPart(long lines) {
        return new GeneratorOptions(users, days, startDate, seed, gzip, gzipSources, badLineRate, duplicateRate, lines, labels, labelsDir);
    }

    public GeneratorOptions withLabelsDir(Path folder) {
        return new GeneratorOptions(users, days, startDate, seed, gzip, gzipSources, badLineRate, duplicateRate, linesPerPart, labels, folder);
    }

    public GeneratorOptions withLabels(boolean write) {
        return new GeneratorOptions(users, days, startDate, seed, gzip, gzipSources, badLineRate, duplicateRate, linesPerPart, write, labelsDir);
    }
}
