package com.connekz.pipeline.redact.recognizers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlRecognizerTest {
    private final UrlRecognizer recognizer = new UrlRecognizer();

    @Test
    void findsUrlsWithAPathWithoutTrailingPunctuation() {
        assertThat(Found.texts(recognizer, "see https://www.facebook.com/aroha.ngata.7, or www.example.co.nz/u/123?ref=me."))
                .containsExactly("https://www.facebook.com/aroha.ngata.7", "www.example.co.nz/u/123?ref=me");
    }

    @Test
    void leavesBareSitesAlone() {
        assertThat(Found.texts(recognizer, "go to https://www.govt.nz/ or www.stuff.co.nz today")).isEmpty();
    }
}
