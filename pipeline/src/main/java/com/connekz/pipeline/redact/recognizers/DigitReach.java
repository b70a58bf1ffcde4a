package com.connekz.pipeline.redact.recognizers;

/**
 * How far a pattern's match may reach beyond the digits it holds: it starts at most
 * {@code before} chars before its first digit (never inside a run of digits), ends at most
 * {@code after} past its last, and has no wider gap between two of its digits than the two
 * together. A match outside these bounds is not found, so each bound must be the pattern's
 * longest possible stretch.
 */
record DigitReach(int before, int after) {
    /** Digits joined by single separators ("12-3456", "4111 1111"), nothing before or after. */
    static final DigitReach SEPARATED_DIGITS = new DigitReach(0, 1);

    DigitReach {
        if (before < 0 || after < 0) {
            throw new IllegalArgumentException("a reach is not negative: " + before + ", " + after);
        }
    }
}
