package com.connekz.pipeline.redact.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

class NerEvaluationTest {
    // "Mary Ann Smith-Jones met Bob in Auckland !" : gold person [0,3) (4 words), person [4,5), location [6,7)
    private static final NameSample GOLD = new NameSample(
            new String[] {"Mary", "Ann", "Smith-Jones", "met", "Bob", "in", "Auckland", "!"},
            new Span[] {new Span(0, 3, "person"), new Span(4, 5, "person"), new Span(6, 7, "location")}, true);

    @Test
    void tokenLevelCountsWordRunsAndIgnoresTypeWhileSpanLevelNeedsExactMatch() {
        // predicted: "Ann Smith-Jones" as person (3 of 4 words), "met" as person (false alarm),
        // "Auckland" as organization (right tokens, wrong type)
        List<Span> predicted = List.of(new Span(1, 3, "person"), new Span(3, 4, "person"),
                new Span(6, 7, "organization"));

        Map<String, TypeScores> scores = NerEvaluation.evaluate(List.of(GOLD), tokens -> predicted);

        TypeScores person = scores.get("person");
        assertThat(person.tokens()).isEqualTo(new Tally(3, 4, 3, 5));
        assertThat(person.spans()).isEqualTo(new Tally(0, 2, 0, 2));
        TypeScores location = scores.get("location");
        assertThat(location.tokens().recall()).isEqualTo(1.0);
        assertThat(location.typedTokens().recall()).isEqualTo(0.0);
        assertThat(scores.get("organization").tokens()).isEqualTo(new Tally(1, 1, 0, 0));
        assertThat(scores.get(NerEvaluation.ALL).tokens()).isEqualTo(new Tally(4, 5, 4, 6));
    }

    @Test
    void perfectPredictionScoresOneEverywhere() {
        Map<String, TypeScores> scores = NerEvaluation.evaluate(List.of(GOLD), tokens -> List.of(GOLD.getNames()));

        TypeScores all = scores.get(NerEvaluation.ALL);
        assertThat(all.tokens().f2()).isEqualTo(1.0);
        assertThat(all.spans().f2()).isEqualTo(1.0);
    }

    @Test
    void f2WeighsRecallFourTimesPrecision() {
        Tally highRecall = new Tally(1, 2, 9, 10);   // P 0.5, R 0.9
        Tally highPrecision = new Tally(9, 10, 1, 2); // P 0.9, R 0.5

        assertThat(highRecall.f2()).isCloseTo(5 * 0.5 * 0.9 / (4 * 0.5 + 0.9), within(1e-12));
        assertThat(highRecall.f2()).isGreaterThan(highPrecision.f2());
    }

    @Test
    void wordTokensAreRunsOfWordCharacters() {
        assertThat(NerEvaluation.wordCount("Smith-Jones")).isEqualTo(2);
        assertThat(NerEvaluation.wordCount("@paul_walk")).isEqualTo(1);
        assertThat(NerEvaluation.wordCount("Māori")).isEqualTo(1);
        assertThat(NerEvaluation.wordCount("!!")).isZero();
    }
}
