package com.connekz.pipeline.redact.nz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NhiNumberTest {
    @Test
    void acceptsOldFormatWithItsCheckDigit() {
        assertThat(NhiNumber.isValid("WLD9413")).isTrue();
        assertThat(NhiNumber.isValid("ZAC5361")).isTrue();
        assertThat(NhiNumber.isValid("wld9413")).isTrue();
    }

    @Test
    void acceptsNewFormatWithItsCheckLetter() {
        assertThat(NhiNumber.isValid("ZSC21TN")).isTrue();
        assertThat(NhiNumber.isValid("ZBN77VL")).isTrue();
    }

    @Test
    void rejectsWrongCheckCharacters() {
        assertThat(NhiNumber.isValid("WLD9414")).isFalse();
        assertThat(NhiNumber.isValid("ZSC21TP")).isFalse();
        assertThat(NhiNumber.isValid("ZZZ0044")).as("remainder 0 has no check digit").isFalse();
        assertThat(NhiNumber.isValid("ZZZ00AA")).isFalse();
    }

    @Test
    void rejectsLettersIAndOAndOtherLookAlikes() {
        assertThat(NhiNumber.isValid("IAC5361")).isFalse();
        assertThat(NhiNumber.isValid("ZOC5361")).isFalse();
        assertThat(NhiNumber.isValid("ZAC536")).isFalse();
        assertThat(NhiNumber.isValid("ZA05361")).isFalse();
        assertThat(NhiNumber.isValid("ZSC2T1N")).isFalse();
        assertThat(NhiNumber.isValid("ZSC21T5")).isFalse();
    }

    @Test
    void randomNumbersAreValidInBothFormats() {
        SplittableRandom random = new SplittableRandom(11);
        int oldFormat = 0;
        for (int i = 0; i < 2_000; i++) {
            String nhi = NhiNumber.random(random);
            assertThat(nhi).matches("[A-HJ-NP-Z]{3}\\d{2}(\\d{2}|[A-HJ-NP-Z]{2})");
            assertThat(NhiNumber.isValid(nhi)).as(nhi).isTrue();
            oldFormat += Character.isDigit(nhi.charAt(6)) ? 1 : 0;
        }
        assertThat(oldFormat).isBetween(800, 1200);
    }
}
