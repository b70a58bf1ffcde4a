package com.connekz.pipeline.redact.recognizers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretRecognizerTest {
    private final SecretRecognizer recognizer = new SecretRecognizer();

    @Test
    void findsKeysTokensAndPasswordValues() {
        String jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
        String text = "key AKIAIOSFODNN7EXAMPLE token " + jwt + " Authorization: Bearer abcdefghijklmnop1234 "
                + "password: hunter2xyz and ghp_" + "a".repeat(36);
        assertThat(Found.texts(recognizer, text)).contains("AKIAIOSFODNN7EXAMPLE", jwt, "abcdefghijklmnop1234", "hunter2xyz",
                "ghp_" + "a".repeat(36));
    }

    @Test
    void findsPrivateKeyBlocks() {
        String block = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----";
        assertThat(Found.texts(recognizer, "here: " + block)).containsExactly(block);
    }

    @Test
    void ignoresLookAlikes() {
        assertThat(Found.texts(recognizer, "AKIA123 is short, the bearer of news, my password was reset, eyJ alone")).isEmpty();
    }
}
