package com.connekz.pipeline.redact.recognizers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NhiRecognizerTest {
    private final NhiRecognizer recognizer = new NhiRecognizer();

    @Test
    void findsOldAndNewFormats() {
        assertThat(Found.texts(recognizer, "NHI WLD9413 and ZSC21TN.")).containsExactly("WLD9413", "ZSC21TN");
    }

    @Test
    void rejectsWrongChecksAndLettersIAndO() {
        assertThat(Found.texts(recognizer, "WLD9414 ZSC21TP IAC5361 ZOC5361 AB12345")).isEmpty();
    }
}
