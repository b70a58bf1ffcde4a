package com.connekz.pipeline.redact.recognizers;

import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.redact.Entity;
import com.connekz.pipeline.redact.EntityTypes;
import org.junit.jupiter.api.Test;

class SpokenNumberRecognizerTest {
    private final SpokenNumberRecognizer recognizer = new SpokenNumberRecognizer();

    @Test
    void readsDigitWordsAsAPhoneNumber() {
        String text = "it's oh two one five five five, zero one nine nine thanks";
        assertThat(Found.entities(recognizer, text)).singleElement().satisfies(entity -> {
            assertThat(entity.type()).isEqualTo(EntityTypes.PHONE_NUMBER);
            assertThat(text.substring(entity.start(), entity.end())).isEqualTo("oh two one five five five, zero one nine nine");
            assertThat(entity.score()).isGreaterThanOrEqualTo(0.5);
        });
    }

    @Test
    void handlesDoubleAndMixedDigits() {
        assertThat(Found.entities(recognizer, "zero two seven double five 5 0199")).extracting(Entity::type)
                .containsExactly(EntityTypes.PHONE_NUMBER);
    }

    @Test
    void readsAValidIrdNumberAsIrd() {
        assertThat(Found.entities(recognizer, "four nine zero nine one eight five zero")).extracting(Entity::type)
                .containsExactly(EntityTypes.NZ_IRD);
    }

    @Test
    void readsPlusAsTheStartOfAnInternationalNumber() {
        String text = "text Mārama on plus six four two seven, nine five two, four three three two about it";
        assertThat(Found.entities(recognizer, text)).singleElement().satisfies(entity -> {
            assertThat(entity.type()).isEqualTo(EntityTypes.PHONE_NUMBER);
            assertThat(text.substring(entity.start(), entity.end()))
                    .isEqualTo("plus six four two seven, nine five two, four three three two");
            assertThat(entity.score()).isGreaterThanOrEqualTo(0.5);
        });
    }

    @Test
    void aMobilePrefixWithoutContextIsEnoughOnlyWithATrunkZero() {
        assertThat(Found.entities(recognizer, "oh two nine five three five, six four eight")).singleElement()
                .satisfies(entity -> assertThat(entity.score()).isGreaterThanOrEqualTo(0.5));
        assertThat(Found.entities(recognizer, "two nine five three five six four eight one")).singleElement()
                .satisfies(entity -> assertThat(entity.score()).as("needs context").isLessThan(0.5));
    }

    @Test
    void ignoresShortCountsAndOrdinaryWords() {
        assertThat(Found.entities(recognizer, "one or two of us, oh well, three five seven")).isEmpty();
        assertThat(Found.entities(recognizer, "0215550199 written as digits")).isEmpty();
    }
}
