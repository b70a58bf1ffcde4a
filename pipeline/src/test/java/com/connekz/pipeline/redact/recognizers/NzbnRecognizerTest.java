package com.connekz.pipeline.redact.recognizers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NzbnRecognizerTest {
    private final NzbnRecognizer recognizer = new NzbnRecognizer();

    @Test
    void findsValidNzbns() {
        assertThat(Found.texts(recognizer, "NZBN 9429041525746.")).containsExactly("9429041525746");
    }

    @Test
    void rejectsWrongCheckDigitsAndForeignGtins() {
        assertThat(Found.texts(recognizer, "9429041525747 4006381333931 94290415257460")).isEmpty();
    }
}
