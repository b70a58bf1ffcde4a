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
    void leavesTheAtSignsOfUrlsAndEmailsInAnyScript() {
        assertThat(Found.texts(recognizer, "https://mastodon.social/@kiri https://x.nz/?ref=@kiri rené@example.com cc @Tāne"))
                .isEmpty();
    }

    @Test
    void aHandleEndsBeforeTheFullStopOfItsSentence() {
        assertThat(Found.texts(recognizer, "Follow @kiri.w.")).containsExactly("kiri.w");
    }

    @Test
    void ignoresLookAlikesOfRedditNames() {
        assertThat(Found.texts(recognizer, "see r/nz, the menu/u/xyz path, and thru/under")).isEmpty();
    }
}
