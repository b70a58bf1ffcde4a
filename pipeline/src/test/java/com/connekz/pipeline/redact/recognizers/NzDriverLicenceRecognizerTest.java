package com.connekz.pipeline.redact.recognizers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NzDriverLicenceRecognizerTest {
    private final NzDriverLicenceRecognizer recognizer = new NzDriverLicenceRecognizer();

    @Test
    void findsTheFormatWithAScoreThatNeedsContext() {
        assertThat(Found.entities(recognizer, "licence DL123456")).singleElement()
                .satisfies(entity -> assertThat(entity.score()).isLessThan(0.5));
    }

    @Test
    void ignoresOtherShapes() {
        assertThat(Found.texts(recognizer, "D1234567 DLX123456 DL12345 DL1234567")).isEmpty();
    }
}
