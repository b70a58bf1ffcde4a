package com.connekz.pipeline.redact.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

/** The model in the jar: present, loaded once, matching its manifest, and finding names. */
class ShippedModelTest {

    @Test
    void loadsOnceAndReturnsTheSameModel() {
        TokenNameFinderModel first = NameFinderModels.load().orElseThrow();

        assertThat(NameFinderModels.load().orElseThrow()).isSameAs(first);
    }

    @Test
    void bytesMatchTheManifestChecksumAndTheModelIsAFewMegabytes() throws Exception {
        NerManifest manifest = NerManifest.shipped().orElseThrow();
        byte[] bytes;
        try (InputStream in = NameFinderModels.class.getResourceAsStream(NameFinderModels.RESOURCE)) {
            bytes = in.readAllBytes();
        }

        assertThat(ModelBytes.sha256(bytes)).isEqualTo(manifest.modelSha256());
        assertThat(bytes.length).isEqualTo(manifest.modelBytes()).isLessThan(8_000_000);
        assertThat(manifest.corpusFiles()).noneMatch(file -> file.path().contains(".test") && file.part().contains("train"));
    }

    @Test
    void modelKnowsExactlyTheThreeEntityTypes() {
        String[] outcomes = NameFinderModels.load().orElseThrow().getNameFinderSequenceModel().getOutcomes();

        List<String> types = Arrays.stream(outcomes).filter(outcome -> outcome.contains("-"))
                .map(outcome -> outcome.substring(0, outcome.lastIndexOf('-'))).distinct().sorted().toList();
        assertThat(types).containsExactly("location", "organization", "person");
        assertThat(outcomes).contains(NameFinderME.OTHER);
    }

    @Test
    void findsAPersonInPlainChatText() {
        NameFinder finder = NameFinder.shipped(NerModelBuild.RECOMMENDED_MIN_PROBABILITY).orElseThrow();
        String[] tokens = {"Hi", ",", "my", "name", "is", "Sarah", "Thompson", "and", "I", "live", "in", "Wellington", "."};

        List<Span> found = finder.find(tokens);

        assertThat(found).anySatisfy(span -> {
            assertThat(span.getType()).isEqualTo(EntityType.PERSON.modelName());
            assertThat(span.getStart()).isEqualTo(5);
        });
        assertThat(found).allSatisfy(span -> assertThat(EntityType.fromModelName(span.getType())).isPresent());
    }
}
