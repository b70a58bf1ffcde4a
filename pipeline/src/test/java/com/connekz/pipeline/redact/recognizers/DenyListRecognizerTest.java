package com.connekz.pipeline.redact.recognizers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DenyListRecognizerTest {
    @Test
    void findsTermsAsWholeWordsIgnoringCase() {
        DenyListRecognizer recognizer = new DenyListRecognizer(Map.of("PERSON", List.of("Project Kahu")));
        assertThat(Found.texts(recognizer, "about project kahu and Project Kahukura")).containsExactly("project kahu");
    }

    @Test
    void anEmptyListFindsNothing() {
        assertThat(new DenyListRecognizer(Map.of()).isEmpty()).isTrue();
    }
}
