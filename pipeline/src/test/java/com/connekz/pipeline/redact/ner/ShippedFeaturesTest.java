package com.connekz.pipeline.redact.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.tokenize.SimpleTokenizer;
import org.junit.jupiter.api.Test;

/** The shipped features weigh every token of real and generated text exactly as OpenNLP's own generator. */
class ShippedFeaturesTest {
    private static final int OUTCOMES = 64;

    @Test
    void theShippedModelUsesThem() {
        TokenNameFinderModel model = NameFinderModels.load().orElseThrow();

        assertThat(PerceptronBeamSearch.of(model).orElseThrow().shippedFeatures(model)).isPresent();
    }

    @Test
    void weighEveryTokenAsOpenNlpsFeaturesDo() throws Exception {
        TokenNameFinderModel model = NameFinderModels.load().orElseThrow();
        PerceptronBeamSearch search = PerceptronBeamSearch.of(model).orElseThrow();
        FixedFeatures openNlp = search.featuresOf(model.getFactory().createContextGenerator());
        FixedFeatures shipped = search.shippedFeatures(model).orElseThrow();
        List<String[]> sentences = CanarySentences.all();
        sentences.add(SimpleTokenizer.INSTANCE.tokenize("MARY ANNE o'brien and Aroha Ngata-Smith met Dr Te Rangi"));
        sentences.add(new String[] {"x"});

        int tokens = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (String[] sentence : sentences) {
                FixedFeatures.Sentence expected = openNlp.of(sentence);
                FixedFeatures.Sentence actual = shipped.of(sentence);
                for (int i = 0; i < sentence.length; i++) {
                    assertThat(weights(actual, i)).as("token %d of %s", i, String.join(" ", sentence))
                            .containsExactly(weights(expected, i));
                    tokens++;
                }
            }
        }
        assertThat(tokens).isGreaterThan(2000);
    }

    @Test
    void anotherDescriptorKeepsOpenNlpsGenerator() {
        assertThat(ShippedFeatures.DESCRIPTOR_SHA256).hasSize(64);
        assertThat(ModelBytes.sha256("<featureGenerators/>".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(ShippedFeatures.DESCRIPTOR_SHA256);
    }

    private static double[] weights(FixedFeatures.Sentence sentence, int index) {
        double[] scores = new double[OUTCOMES];
        sentence.addTo(index, scores);
        return scores;
    }
}
