package com.connekz.pipeline.redact.recognizers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContextNameRecognizerTest {
    private final ContextNameRecognizer recognizer = new ContextNameRecognizer(NameLists.shared());

    @Test
    void findsNamesAfterIntroductionsGreetingsAndTitles() {
        assertThat(Found.texts(recognizer, "my name is hemi rapana")).containsExactly("hemi");
        assertThat(Found.texts(recognizer, "Kia ora, I'm Ngaio. Dear Mrs Pōtae, thanks Rangi"))
                .containsExactly("Ngaio", "Pōtae", "Rangi");
    }

    @Test
    void ignoresCuesFollowedByOrdinaryWords() {
        assertThat(Found.texts(recognizer, "I'm tired. this is great. Hi there, my name is not important")).isEmpty();
    }
}
