package com.connekz.pipeline.redact.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.Sequence;
import opennlp.tools.util.SequenceValidator;
import org.junit.jupiter.api.Test;

/** The fast search returns exactly OpenNLP's sequences (labels and scores) on the shipped model. */
class PerceptronBeamSearchTest {
    private static final int SEQUENCES = 5;

    /** Exposes the finder's own context generator, model and validator to compare against. */
    private static final class OpenNlp extends NameFinderME {
        private final SequenceValidator<String> validator;

        OpenNlp(TokenNameFinderModel model) {
            super(model);
            this.validator = model.getFactory().createSequenceCodec().createSequenceValidator();
        }

        Sequence[] bestSequences(String[] tokens) {
            return model.bestSequences(SEQUENCES, tokens, null, contextGenerator, validator);
        }

        PerceptronBeamSearch.Ranked[] fastSequences(PerceptronBeamSearch search, String[] tokens) {
            return search.best(SEQUENCES, tokens, search.featuresOf(contextGenerator), validator);
        }

        PerceptronBeamSearch.Ranked[] fastSequences(PerceptronBeamSearch search, FixedFeatures features, String[] tokens) {
            return search.best(SEQUENCES, tokens, features, validator);
        }
    }

    @Test
    void givesOpenNlpsSequencesOnEveryCanaryText() throws Exception {
        TokenNameFinderModel model = NameFinderModels.load().orElseThrow();
        PerceptronBeamSearch search = PerceptronBeamSearch.of(model).orElseThrow();
        OpenNlp openNlp = new OpenNlp(model);
        FixedFeatures shipped = search.shippedFeatures(model).orElseThrow();
        List<String[]> sentences = CanarySentences.all();

        int compared = 0;
        for (String[] tokens : sentences) {
            Sequence[] expected = openNlp.bestSequences(tokens);
            openNlp.clearAdaptiveData();
            PerceptronBeamSearch.Ranked[] actual = openNlp.fastSequences(search, tokens);
            openNlp.clearAdaptiveData();
            PerceptronBeamSearch.Ranked[] weighedOnce = openNlp.fastSequences(search, shipped, tokens);

            assertSameSequences(actual, expected);
            assertSameSequences(weighedOnce, expected);
            compared++;
        }
        assertThat(compared).isGreaterThan(100);
    }

    private static void assertSameSequences(PerceptronBeamSearch.Ranked[] actual, Sequence[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i].labels()).isEqualTo(expected[i].getOutcomes());
            assertThat(actual[i].score()).isEqualTo(expected[i].getScore());
        }
    }
}
