package com.connekz.pipeline.redact.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import opennlp.tools.namefind.NameSample;
import org.junit.jupiter.api.Test;

class OrdinaryWordsBuildTest {

    @Test
    void takesOnlyTheDictionaryEntriesWrittenInLowerCase() {
        assertThat(OrdinaryWordsBuild.dictionaryWords(List.of("Aaron", "aardvark", "aardvark's", "Wellington's", "don't", "3D", "")))
                .containsExactly("aardvark", "don't");
    }

    @Test
    void takesTheLowerCaseWordsOfTheCorpora() {
        NameSample sample = new NameSample(new String[] {"RT", "@", "kiri", ":", "loving", "Auckland", "x", "2day"}, new opennlp.tools.util.Span[0], true);
        assertThat(OrdinaryWordsBuild.corpusWords(List.of(sample))).containsExactly("kiri", "loving");
    }
}
