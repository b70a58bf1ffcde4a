package com.connekz.pipeline.redact.ner;

/** A {@link Tally} as published: precision, recall and F2 rounded to four places, with the counts. */
public record Figures(double precision, double recall, double f2, long gold, long predicted) {

    static Figures of(Tally tally) {
        return new Figures(round(tally.precision()), round(tally.recall()), round(tally.f2()), tally.gold(), tally.predicted());
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
