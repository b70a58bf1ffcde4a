package com.connekz.pipeline.redact.recognizers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneRecognizerTest {
    private final PhoneRecognizer recognizer = new PhoneRecognizer();

    @Test
    void findsNzNumbersAsDialledAndInternationalNumbers() {
        assertThat(Found.texts(recognizer, "call 021 555 0199 or (09) 379 4561, UK +44 20 7946 0958"))
                .containsExactly("021 555 0199", "(09) 379 4561", "+44 20 7946 0958");
    }

    @Test
    void ignoresNumbersThatAreNotValidPhones() {
        assertThat(Found.texts(recognizer, "order 12345, total 1999.99, year 2024, code 000 000 0000")).isEmpty();
    }
}
