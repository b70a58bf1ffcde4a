package com.connekz.pipeline.redact.recognizers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsSsnRecognizerTest {
    private final UsSsnRecognizer recognizer = new UsSsnRecognizer();

    @Test
    void findsWellFormedNumbers() {
        assertThat(Found.texts(recognizer, "SSN 536-22-1234 or 536 22 1234")).containsExactly("536-22-1234", "536 22 1234");
    }

    @Test
    void rejectsNeverIssuedAreasGroupsSerialsAndMixedSeparators() {
        assertThat(Found.texts(recognizer, "000-12-3456 666-12-3456 912-12-3456 536-00-1234 536-22-0000 536-22 1234")).isEmpty();
    }
}
