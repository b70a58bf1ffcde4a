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
        assertThat(Found.texts(recognizer, "order 12345, total 1999.99, year 2024, IRD 49-091-850")).isEmpty();
        assertThat(Found.entities(recognizer, "code 000 000 0000"))
                .allSatisfy(entity -> assertThat(entity.score()).as("needs context").isLessThan(0.5));
    }

    @Test
    void handsLibphonenumberOnlyWindowsThatCanStartADialledNumber() {
        assertThat(PhoneRecognizer.mayHoldADialledNumber("4111 1111 1111 1111")).isFalse();
        assertThat(PhoneRecognizer.mayHoldADialledNumber("49-091-850")).isTrue();
        assertThat(PhoneRecognizer.mayHoldADialledNumber("+44 20")).isTrue();
        assertThat(PhoneRecognizer.mayHoldADialledNumber("(9) 379 4561")).isTrue();
        assertThat(Found.texts(recognizer, "ring 027 123 4567 or 4111 1111 1111 1111")).containsExactly("027 123 4567");
    }
}
