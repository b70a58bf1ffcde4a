package com.connekz.pipeline.redact.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestCheckTest {

    @Test
    void sameChecksumReproduces() {
        assertThat(ManifestCheck.mismatches(manifest("aa", "2.5.11", "c1", 0.80), manifest("aa", "2.5.11", "c1", 0.80)))
                .isEmpty();
    }

    @Test
    void differentChecksumWithTheSameOpenNlpIsAMismatchEvenWithEqualScores() {
        assertThat(ManifestCheck.mismatches(manifest("aa", "2.5.11", "c1", 0.80), manifest("bb", "2.5.11", "c1", 0.80)))
                .singleElement().asString().contains("model checksum");
    }

    @Test
    void otherOpenNlpVersionReproducesWhenScoresAgreeWithinTolerance() {
        NerManifest shipped = manifest("aa", "2.5.11", "c1", 0.800);

        assertThat(ManifestCheck.mismatches(shipped, manifest("bb", "2.5.12", "c1", 0.803))).isEmpty();
        assertThat(ManifestCheck.mismatches(shipped, manifest("bb", "2.5.12", "c1", 0.790)))
                .singleElement().asString().contains("btc.test person");
    }

    @Test
    void differentCorpusIsNamed() {
        assertThat(ManifestCheck.mismatches(manifest("aa", "2.5.11", "c1", 0.8), manifest("aa", "2.5.11", "c2", 0.8)))
                .singleElement().asString().contains("btc/btc.train");
    }

    @Test
    void manifestSurvivesAJsonRoundTrip() {
        NerManifest original = manifest("aa", "2.5.11", "c1", 0.8);

        NerManifest read = NerManifest.fromJson(new ByteArrayInputStream(original.toJson().getBytes(StandardCharsets.UTF_8)));

        assertThat(read).isEqualTo(original);
        assertThat(original.toJson()).contains("\"model_sha256\"").contains("\"min_probability\"");
    }

    private static NerManifest manifest(String sha, String opennlp, String corpusSha, double personRecall) {
        Figures person = new Figures(0.9, personRecall, 0.8, 100, 90);
        TypeFigures figures = new TypeFigures(person, person, person);
        ThresholdEvaluation evaluation = new ThresholdEvaluation(0.3, Map.of("btc.test", Map.of("person", figures)));
        return new NerManifest("m.bin", sha, 10, opennlp, TrainingSettings.shipped(),
                new PersonNameDictionary.Description("datafaker", 3, "ff"), "split",
                List.of(new CorpusFile("btc/btc.train", corpusSha, "train", 5)), 5, 1.0, 0.3, "scoring",
                List.of(evaluation));
    }
}
