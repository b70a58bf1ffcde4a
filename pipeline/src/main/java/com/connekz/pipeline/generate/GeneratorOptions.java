package com.connekz.pipeline.generate;

import com.connekz.pipeline.ingest.Source;
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
 * @param badLineRate   share of records landed as a deliberately bad line instead
 * @param duplicateRate share of records landed a second time a few lines later
 * @param linesPerPart  lines after which a day's file is split into a further part
 * @param labels        whether to write {@code _labels/labels.jsonl}
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
        boolean labels) {

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
                0, 0, DEFAULT_LINES_PER_PART, true);
    }

    public GeneratorOptions withSeed(long newSeed) {
        return new GeneratorOptions(users, days, startDate, newSeed, gzip, gzipSources, badLineRate, duplicateRate, linesPerPart, labels);
    }

    public GeneratorOptions withStartDate(LocalDate date) {
        return new GeneratorOptions(users, days, date, seed, gzip, gzipSources, badLineRate, duplicateRate, linesPerPart, labels);
    }

    public GeneratorOptions withGzip(boolean all, Set<Source> sources) {
        return new GeneratorOptions(users, days, startDate, seed, all, sources, badLineRate, duplicateRate, linesPerPart, labels);
    }

    public GeneratorOptions withBadLines(double badRate, double dupRate) {
        return new GeneratorOptions(users, days, startDate, seed, gzip, gzipSources, badRate, dupRate, linesPerPart, labels);
    }

    public GeneratorOptions withLinesPerPart(long lines) {
        return new GeneratorOptions(users, days, startDate, seed, gzip, gzipSources, badLineRate, duplicateRate, lines, labels);
    }

    public GeneratorOptions withLabels(boolean write) {
        return new GeneratorOptions(users, days, startDate, seed, gzip, gzipSources, badLineRate, duplicateRate, linesPerPart, write);
    }
}
