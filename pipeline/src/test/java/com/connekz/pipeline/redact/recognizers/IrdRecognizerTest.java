package com.connekz.pipeline.redact.recognizers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IrdRecognizerTest {
    private final IrdRecognizer recognizer = new IrdRecognizer();

    @Test
    void findsValidIrdNumbersInEveryPrintedForm() {
        assertThat(Found.texts(recognizer, "IRD 49-091-850, 136 410 132 or 49091850."))
                .containsExactly("49-091-850", "136 410 132", "49091850");
    }

    @Test
    void rejectsWrongCheckDigitsAndLookAlikes() {
        assertThat(Found.texts(recognizer, "49-091-851, 49-091850, 4909185, 1234-567-890")).isEmpty();
    }
}
