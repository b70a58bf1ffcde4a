package com.connekz.pipeline.redact.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Trains on a tiny inline corpus: proves the training, serialization and finder code, not the model's quality. */
class NameFinderTrainingTest {
    private static final String[] FIRST = {"Aroha", "Mere", "Tama", "Wiremu", "Hana", "Nikau", "Ana", "Rawiri"};
    private static final String[] PLACES = {"Auckland", "Wellington", "Napier", "Dunedin"};
    private static final TrainingSettings TINY = TrainingSettings.shipped().withIterations(30);

    private static TokenNameFinderModel model;

    @BeforeAll
    static void train() {
        model = NameFinderTraining.train(tinyCorpus(), TINY);
    }

    static List<NameSample> tinyCorpus() {
        StringBuilder corpus = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            String name = FIRST[i % FIRST.length];
            String place = PLACES[i % PLACES.length];
            corpus.append("hi\tO\nmy\tO\nname\tO\nis\tO\n").append(name).append("\tB-PER\nfrom\tO\n")
                    .append(place).append("\tB-LOC\n\n")
                    .append("thanks\tO\n").append(name).append("\tB-PER\nsee\tO\nyou\tO\n\n");
        }
        return CorpusReader.read(corpus.toString(), CorpusFormat.TAB_BIO);
    }

    @Test
    void trainedModelFindsTheLearnedPatternInUnseenText() {
        NameFinder finder = new NameFinder(model, 0.5);

        List<Span> found = finder.find(new String[] {"hi", "my", "name", "is", "Rangi", "from", "Gisborne"});

        assertThat(found).extracting(Span::getType, Span::getStart, Span::getEnd)
                .contains(org.assertj.core.groups.Tuple.tuple("person", 4, 5));
        assertThat(found).allSatisfy(span -> assertThat(span.getProb()).isBetween(0.5, 1.0 + 1e-9));
    }

    @Test
    void sameCorpusAndSettingsGiveTheSameModelBytes() {
        byte[] first = NameFinderTraining.serialize(model);
        byte[] second = NameFinderTraining.serialize(NameFinderTraining.train(tinyCorpus(), TINY));

        assertThat(ModelBytes.sha256(second)).isEqualTo(ModelBytes.sha256(first));
    }

    @Test
    void normalizedBytesStillLoadAndFindTheSameNames() {
        TokenNameFinderModel reloaded = NameFinderModels.read(new ByteArrayInputStream(NameFinderTraining.serialize(model)));
        String[] tokens = {"thanks", "Hana", "see", "you"};

        assertThat(new NameFinder(reloaded, 0.5).find(tokens)).isEqualTo(new NameFinder(model, 0.5).find(tokens));
    }

    @Test
    void lowerThresholdNeverFindsFewerNames() {
        String[] tokens = {"my", "name", "is", "Kahu", "and", "Moana", "is", "from", "Tauranga"};

        List<Span> strict = new NameFinder(model, 0.9).find(tokens);
        List<Span> lenient = new NameFinder(model, 0.05).find(tokens);

        long strictCovered = strict.stream().mapToInt(Span::length).sum();
        long lenientCovered = lenient.stream().mapToInt(Span::length).sum();
        assertThat(lenientCovered).isGreaterThanOrEqualTo(strictCovered);
    }

    @Test
    void eachTypeIsHeldToItsOwnThreshold() {
        String[] tokens = {"hi", "my", "name", "is", "Rangi", "from", "Gisborne"};
        Map<EntityType, Double> personOnly = new EnumMap<>(Map.of(
                EntityType.PERSON, 0.05, EntityType.LOCATION, 1.0, EntityType.ORGANIZATION, 1.0));

        List<Span> found = new NameFinder(model, personOnly).find(tokens);

        assertThat(found).allSatisfy(span -> assertThat(span.getType().equals("person") || span.getProb() >= 1.0).isTrue());
        assertThat(found).extracting(Span::getType).contains("person");
        assertThatThrownBy(() -> new NameFinder(model, Map.of(EntityType.PERSON, 0.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LOCATION");
    }

    @Test
    void finderGivesEveryThreadTheSameAnswer() throws Exception {
        NameFinder finder = new NameFinder(model, 0.3);
        String[] tokens = {"hi", "my", "name", "is", "Tama", "from", "Napier"};
        List<Span> expected = finder.find(tokens);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Span>>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> finder.find(tokens)));
            }
            for (Future<List<Span>> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void emptyInputFindsNothingAndThresholdMustBeAProbability() {
        assertThat(new NameFinder(model, 0.5).find(new String[0])).isEmpty();
        assertThatThrownBy(() -> new NameFinder(model, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NameFinder(model, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
