package com.connekz.pipeline.redact.recognizers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NzPassportRecognizerTest {
    private final NzPassportRecognizer recognizer = new NzPassportRecognizer();

    @Test
    void findsTheFormatWithAScoreThatNeedsContext() {
        assertThat(Found.entities(recognizer, "passport LA123456")).singleElement()
                .satisfies(entity -> assertThat(entity.score()).isLessThan(0.5));
    }

    @Test
    void ignoresOtherShapes() {
        assertThat(Found.texts(recognizer, "LAX12345 L12345 123456 LA123456789")).isEmpty();
    }
}
