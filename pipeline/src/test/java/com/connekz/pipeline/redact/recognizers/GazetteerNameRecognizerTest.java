package com.connekz.pipeline.redact.recognizers;

import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.redact.Entity;
import java.util.List;
import org.junit.jupiter.api.Test;

class GazetteerNameRecognizerTest {
    private final GazetteerNameRecognizer recognizer = new GazetteerNameRecognizer(NameLists.shared());

    @Test
    void findsFullNamesIncludingMaoriNamesWithAHighScore() {
        List<Entity> found = Found.entities(recognizer, "I met Wiremu Smith and later Olivia Taylor.");
        assertThat(found).extracting(entity -> "I met Wiremu Smith and later Olivia Taylor.".substring(entity.start(), entity.end()))
                .containsExactly("Wiremu Smith", "Olivia Taylor");
        assertThat(found).allSatisfy(entity -> assertThat(entity.score()).isGreaterThanOrEqualTo(0.8));
    }

    @Test
    void commonWordsAloneStayBelowTheThreshold() {
        assertThat(Found.entities(recognizer, "We Will see in May, said Grace")).allSatisfy(
                entity -> assertThat(entity.score()).isLessThan(0.5));
    }

    @Test
    void ignoresLowerCaseAndKiaOra() {
        assertThat(Found.texts(recognizer, "olivia said kia ora. Kia ora everyone")).isEmpty();
    }
}
