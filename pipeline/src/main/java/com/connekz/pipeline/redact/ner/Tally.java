package com.connekz.pipeline.redact.ner;

/**
 * Counts behind precision and recall. Precision is {@code predictedHits / predicted} and recall is
 * {@code goldHits / gold}; at span level both hit counts are the exact matches, at token level they
 * differ (a predicted token inside gold, a gold token covered by a prediction).
 */
public record Tally(long predictedHits, long predicted, long goldHits, long gold) {
    public static final Tally ZERO = new Tally(0, 0, 0, 0);

    public Tally plus(Tally other) {
        return new Tally(predictedHits + other.predictedHits, predicted + other.predicted,
                goldHits + other.goldHits, gold + other.gold);
    }

    /** Precision; 1 when nothing was predicted (no false alarm was raised). */
    public double precision() {
        return predicted == 0 ? 1.0 : (double) predictedHits / predicted;
    }

    /** Recall; 1 when there was nothing to find. */
    public double recall() {
        return gold == 0 ? 1.0 : (double) goldHits / gold;
    }

    /** F2 = 5PR / (4P + R): recall weighs four times as much as precision. */
    public double f2() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0.0 : 5 * p * r / (4 * p + r);
    }
}
