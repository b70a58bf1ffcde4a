package com.connekz.pipeline.redact.recognizers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NzBankAccountRecognizerTest {
    private final NzBankAccountRecognizer recognizer = new NzBankAccountRecognizer();

    @Test
    void findsValidAccountsDashedSpacedOrCompact() {
        assertThat(Found.texts(recognizer, "pay 01-0902-0068389-00 or 01 0242 0100194 000 or 0109020068389000."))
                .containsExactly("01-0902-0068389-00", "01 0242 0100194 000", "0109020068389000");
    }

    @Test
    void rejectsWrongChecksUnknownBranchesAndLookAlikes() {
        assertThat(Found.texts(recognizer, "01-0902-0068388-00 01-9999-0100197-00 2024-11-25-01")).isEmpty();
    }
}
