package com.connekz.pipeline.redact.recognizers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DateOfBirthRecognizerTest {
    private final DateOfBirthRecognizer recognizer = new DateOfBirthRecognizer();

    @Test
    void findsDatesInTheUsualFormsWithAScoreThatNeedsContext() {
        assertThat(Found.texts(recognizer, "12/03/1987, 1987-03-12, 12 March 1987, March 12th, 1987"))
                .containsExactly("12/03/1987", "1987-03-12", "12 March 1987", "March 12th, 1987");
        assertThat(Found.entities(recognizer, "12/03/1987")).allSatisfy(entity -> assertThat(entity.score()).isLessThan(0.5));
    }

    @Test
    void ignoresImpossibleDatesAndVersions() {
        assertThat(Found.texts(recognizer, "32/13/1987 1987-13-01 v1.2.3 12/03")).isEmpty();
    }
}
