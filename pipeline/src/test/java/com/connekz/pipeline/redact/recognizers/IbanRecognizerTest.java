package com.connekz.pipeline.redact.recognizers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IbanRecognizerTest {
    private final IbanRecognizer recognizer = new IbanRecognizer();

    @Test
    void findsValidIbansGroupedOrCompact() {
        assertThat(Found.texts(recognizer, "to GB82 WEST 1234 5698 7654 32 or DE89370400440532013000."))
                .containsExactly("GB82 WEST 1234 5698 7654 32", "DE89370400440532013000");
    }

    @Test
    void rejectsWrongCheckDigitsAndLookAlikes() {
        assertThat(Found.texts(recognizer, "GB83 WEST 1234 5698 7654 32, AB12 CDEF GHIJ, NZ01 0902 0068")).isEmpty();
    }
}
