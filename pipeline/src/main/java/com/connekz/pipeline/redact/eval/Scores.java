package com.connekz.pipeline.redact.eval;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Counts behind precision and recall, and the figures themselves. F2 weighs recall four times as
 * much as precision: a miss leaks personal data, a false alarm only hides a word.
 */
public record Scores(
        @JsonProperty("true_positives") long truePositives,
        @JsonProperty("false_positives") long falsePositives,
        @JsonProperty("false_negatives") long falseNegatives) {

    public static final Scores ZERO = new Scores(0, 0, 0);

    public Scores plus(Scores other) {
        return new Scores(truePositives + other.truePositives, falsePositives + other.falsePositives,
                falseNegatives + other.falseNegatives);
    }

    /** Precision; 1 when nothing was detected (nothing was wrongly hidden). */
    @JsonProperty("precision")
    public double precision() {
        long detected = truePositives + falsePositives;
        return detected == 0 ? 1.0 : (double) truePositives / detected;
    }

    /** Recall; 1 when there was nothing to find. */
    @JsonProperty("recall")
    public double recall() {
        long gold = truePositives + falseNegatives;
        return gold == 0 ? 1.0 : (double) truePositives / gold;
    }

    @JsonProperty("f2")
    public double f2() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 5 * p * r / (4 * p + r);
    }
}
