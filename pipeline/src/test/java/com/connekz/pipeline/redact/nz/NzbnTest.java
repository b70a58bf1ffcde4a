package com.connekz.pipeline.redact.nz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NzbnTest {
    @Test
    void acceptsThirteenDigitsUnderTheNzPrefixWithTheirCheckDigit() {
        assertThat(Nzbn.isValid("9429041525746")).isTrue();
    }

    @Test
    void rejectsAWrongCheckDigit() {
        assertThat(Nzbn.isValid("9429041525747")).isFalse();
    }

    @Test
    void rejectsLookAlikes() {
        assertThat(Nzbn.isValid("4006381333931")).as("valid GTIN outside NZ").isFalse();
        assertThat(Nzbn.isValid("942904152574")).isFalse();
        assertThat(Nzbn.isValid("94290415257460")).isFalse();
    }

    @Test
    void randomNumbersAreValid() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 1_000; i++) {
            String nzbn = Nzbn.random(random);
            assertThat(nzbn).matches("9429\\d{9}");
            assertThat(Nzbn.isValid(nzbn)).as(nzbn).isTrue();
        }
    }
}
