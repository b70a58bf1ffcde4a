package com.connekz.pipeline.redact.recognizers;

import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.redact.ner.ModelBytes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OrdinaryWordsTest {
    private final OrdinaryWords words = OrdinaryWords.shared();

    @Test
    void holdsEnglishWordsInBothSpellingsAndNewZealandWords() {
        assertThat(words.contains("neighbour")).isTrue();
        assertThat(words.contains("neighbor")).isTrue();
        assertThat(words.contains("whānau")).isTrue();
        assertThat(words.size()).isGreaterThan(60_000);
    }

    @Test
    void leavesOutWhatTheDictionariesOnlyCapitalise() {
        assertThat(words.contains("tauranga")).isFalse();
        assertThat(words.contains("smith")).isTrue();
        assertThat(words.contains("ngata")).isFalse();
    }

    @Test
    void theShippedListIsTheOneItsNoticeDescribes() throws IOException {
        try (InputStream list = OrdinaryWords.class.getResourceAsStream("/redact/ordinary-words.txt.gz");
                InputStream notice = OrdinaryWords.class.getResourceAsStream("/redact/ordinary-words.NOTICE")) {
            String checksum = ModelBytes.sha256(list.readAllBytes());
            assertThat(new String(notice.readAllBytes(), StandardCharsets.UTF_8)).contains("SHA-256 " + checksum + ".");
        }
    }
}
