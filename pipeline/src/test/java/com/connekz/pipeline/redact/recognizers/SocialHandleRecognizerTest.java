package com.connekz.pipeline.redact.recognizers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SocialHandleRecognizerTest {
    private final SocialHandleRecognizer recognizer = new SocialHandleRecognizer();

    @Test
    void findsTheNameOfEachHandle() {
        assertThat(Found.texts(recognizer, "RT @kiri_w: thanks @Tama.Ngata and /u/hemi-p, see u/aroha_22."))
                .containsExactly("kiri_w", "Tama.Ngata", "hemi-p", "aroha_22");
    }

    @Test
    void leavesEmailAddressesTimesAndLoneAtSigns() {
        assertThat(Found.texts(recognizer, "mail kiri@example.co.nz, meet @ the beach @2pm or @10:30, 3 @ $5, a@@b"))
                .isEmpty();
    }

    @Test
    void ignoresLookAlikesOfRedditNames() {
        assertThat(Found.texts(recognizer, "see r/nz, the menu/u/x path, and thru/under")).isEmpty();
    }
}
