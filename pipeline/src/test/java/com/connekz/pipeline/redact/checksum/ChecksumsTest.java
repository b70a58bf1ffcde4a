package com.connekz.pipeline.redact.checksum;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChecksumsTest {
    @Test
    void luhnAcceptsValidCardsAndRejectsAChangedDigit() {
        assertThat(Luhn.isValid("4111 1111 1111 1111")).isTrue();
        assertThat(Luhn.isValid("5500-0000-0000-0004")).isTrue();
        assertThat(Luhn.isValid("4111 1111 1111 1112")).isFalse();
        assertThat(Luhn.isValid("7")).isFalse();
    }

    @Test
    void randomCardNumbersPassLuhn() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 1_000; i++) {
            String card = Luhn.randomCardNumber(random);
            assertThat(card.replace(" ", "")).hasSizeBetween(15, 16);
            assertThat(Luhn.isValid(card)).as(card).isTrue();
        }
    }

    @Test
    void ibanAcceptsValidCheckDigitsAndRejectsOthers() {
        assertThat(Iban.isValid("GB82 WEST 1234 5698 7654 32")).isTrue();
        assertThat(Iban.isValid("DE89370400440532013000")).isTrue();
        assertThat(Iban.isValid("GB83 WEST 1234 5698 7654 32")).isFalse();
        assertThat(Iban.isValid("GB82 WEST 1234")).isFalse();
        assertThat(Iban.isValid("1282 WEST 1234 5698 7654 32")).isFalse();
    }

    @Test
    void randomIbansAreValid() {
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 1_000; i++) {
            String iban = Iban.random(random);
            assertThat(Iban.isValid(iban)).as(iban).isTrue();
        }
    }

    @Test
    void gs1MatchesAKnownTradeItemNumber() {
        assertThat(Gs1.isValid("4006381333931")).isTrue();
        assertThat(Gs1.isValid("4006381333932")).isFalse();
    }
}
