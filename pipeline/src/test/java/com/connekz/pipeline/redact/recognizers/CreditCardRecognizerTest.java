package com.connekz.pipeline.redact.recognizers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCardRecognizerTest {
    private final CreditCardRecognizer recognizer = new CreditCardRecognizer();

    @Test
    void findsLuhnValidCardsGroupedOrNot() {
        assertThat(Found.texts(recognizer, "visa 4111 1111 1111 1111, mc 5500-0000-0000-0004, amex 378282246310005"))
                .containsExactly("4111 1111 1111 1111", "5500-0000-0000-0004", "378282246310005");
    }

    @Test
    void rejectsAWrongCheckDigitAndLookAlikes() {
        assertThat(Found.texts(recognizer, "4111 1111 1111 1112 and order 1234567890123 and 12-34")).isEmpty();
    }
}
