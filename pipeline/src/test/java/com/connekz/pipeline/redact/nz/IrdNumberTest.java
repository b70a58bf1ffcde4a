package com.connekz.pipeline.redact.nz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IrdNumberTest {
    @Test
    void acceptsNumbersWhoseCheckDigitHoldsWithTheFirstWeights() {
        assertThat(IrdNumber.isValid("49091850")).isTrue();
        assertThat(IrdNumber.isValid("49-091-850")).isTrue();
        assertThat(IrdNumber.isValid("35901981")).isTrue();
    }

    @Test
    void acceptsNumbersThatNeedTheSecondWeights() {
        assertThat(IrdNumber.isValid("136410132")).isTrue();
        assertThat(IrdNumber.isValid("136 410 132")).isTrue();
    }

    @Test
    void rejectsAWrongCheckDigit() {
        assertThat(IrdNumber.isValid("49091851")).isFalse();
        assertThat(IrdNumber.isValid("136410133")).isFalse();
    }

    @Test
    void rejectsNumbersOutsideTheIssuedRange() {
        assertThat(IrdNumber.isValid("9125568")).isFalse();
        assertThat(IrdNumber.isValid("150000001")).isFalse();
    }

    @Test
    void rejectsLookAlikes() {
        assertThat(IrdNumber.isValid("49O91850")).isFalse();
        assertThat(IrdNumber.isValid("4909185")).isFalse();
        assertThat(IrdNumber.isValid("1364101320")).isFalse();
        assertThat(IrdNumber.isValid("49.091.850")).isFalse();
        assertThat(IrdNumber.isValid(null)).isFalse();
    }

    @Test
    void randomNumbersAreValidAndPrintedInGroups() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 2_000; i++) {
            String ird = IrdNumber.random(random);
            assertThat(ird).matches("\\d{2,3}-\\d{3}-\\d{3}");
            assertThat(IrdNumber.isValid(ird)).as(ird).isTrue();
        }
    }
}
