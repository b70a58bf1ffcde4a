package com.connekz.pipeline.redact.recognizers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailRecognizerTest {
    private final EmailRecognizer recognizer = new EmailRecognizer();

    @Test
    void findsAddressesWithSubdomainsAndPlusTags() {
        assertThat(Found.texts(recognizer, "mail aroha.ngata+work@mail.example.co.nz, or x@y.io, or rené.tāne@example.com."))
                .containsExactly("aroha.ngata+work@mail.example.co.nz", "x@y.io", "rené.tāne@example.com");
    }

    @Test
    void ignoresLookAlikes() {
        assertThat(Found.texts(recognizer, "meet @ 5, user@localhost, a@b, twitter @handle")).isEmpty();
    }
}
