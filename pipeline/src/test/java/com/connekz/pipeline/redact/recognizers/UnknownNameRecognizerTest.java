package com.connekz.pipeline.redact.recognizers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnknownNameRecognizerTest {
    private final UnknownNameRecognizer recognizer = new UnknownNameRecognizer(OrdinaryWords.shared(), NameLists.shared());

    @Test
    void findsCapitalisedWordsNoWordListHolds() {
        assertThat(Found.texts(recognizer, "I asked Wirihana about the Tamahori case and Ngāruawāhia."))
                .containsExactly("Wirihana", "Tamahori", "Ngāruawāhia");
    }

    @Test
    void leavesOrdinaryWordsAndTheFirstWordOfASentence() {
        assertThat(Found.texts(recognizer, "Tamahori called. The Bank said Settings changed. Wirihana? Kererū!"))
                .isEmpty();
    }

    @Test
    void leavesAcronymsHashtagsHandlesNumbersAndCalendarWords() {
        assertThat(Found.texts(recognizer, "see the TBT post, #Tamahori and @Wirihana by Thurs or in Sept, code Xq7"))
                .isEmpty();
    }

    @Test
    void leavesEverydayWordsOfNewZealandEnglish() {
        assertThat(Found.texts(recognizer, "my KiwiSaver, the Tūī by the Awa, and our Whānau in New Zealand"))
                .isEmpty();
    }
}
