package com.connekz.pipeline.redact.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

class OrdinaryWordsBuildTest {

    @Test
    void takesOnlyTheDictionaryEntriesWrittenInLowerCase() {
        assertThat(OrdinaryWordsBuild.dictionaryWords(List.of("Aaron", "aardvark", "aardvark's", "Wellington's", "don't", "3D", "")))
                .containsExactly("aardvark", "don't");
    }

    @Test
    void takesTheLowerCaseWordsOfTheCorporaOutsideNamesHandlesAndHashtags() {
        String[] tokens = {"RT", "@", "kiri", ":", "loving", "obama", "in", "Auckland", "#", "blessed", "x", "2day"};
        NameSample sample = new NameSample(tokens, new Span[] {new Span(5, 6, "person")}, true);
        assertThat(OrdinaryWordsBuild.corpusWords(List.of(sample))).containsExactly("in", "loving");
    }
}
