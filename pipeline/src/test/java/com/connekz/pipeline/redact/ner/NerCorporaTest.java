package com.connekz.pipeline.redact.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import opennlp.tools.namefind.NameSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NerCorporaTest {
    @TempDir
    Path root;

    @Test
    void everyFifthWikigoldDocumentIsHeldOutAndNeverTrainedOn() throws Exception {
        NerCorpora corpora = new NerCorpora(TinyCorpora.write(root));

        List<NameSample> heldOut = corpora.evaluationSets().get(NerCorpora.WIKIGOLD_HELD_OUT);
        List<NameSample> training = corpora.trainingSamples(true);

        assertThat(heldOut).extracting(sample -> sample.getSentence()[0]).containsExactly("Doc4", "Doc9");
        assertThat(training).extracting(sample -> sample.getSentence()[0])
                .contains("Doc0", "Doc3", "Doc5", "Doc8").doesNotContain("Doc4", "Doc9");
    }

    @Test
    void testFilesAreEvaluationOnlyAndDevFilesTrainOnlyForRelease() throws Exception {
        NerCorpora corpora = new NerCorpora(TinyCorpora.write(root));
        Files.writeString(root.resolve("btc/btc.test"), "Unique\tB-PER\n");
        Files.writeString(root.resolve("btc/btc.dev"), "Devonly\tB-PER\n");

        assertThat(corpora.trainingSamples(true)).noneMatch(sample -> sample.getSentence()[0].equals("Unique"))
                .anyMatch(sample -> sample.getSentence()[0].equals("Devonly"));
        assertThat(corpora.trainingSamples(false)).noneMatch(sample -> sample.getSentence()[0].equals("Devonly"));
        assertThat(corpora.evaluationSets()).containsOnlyKeys("btc.test", "wnut17.test", NerCorpora.WIKIGOLD_HELD_OUT);
    }

    @Test
    void filesCarryTheirChecksumAndUse() throws Exception {
        NerCorpora corpora = new NerCorpora(TinyCorpora.write(root));

        List<CorpusFile> files = corpora.files(true);

        CorpusFile test = files.stream().filter(f -> f.path().equals("btc/btc.test")).findFirst().orElseThrow();
        assertThat(test.part()).isEqualTo("evaluation");
        assertThat(test.sha256()).isEqualTo(ModelBytes.sha256(Files.readAllBytes(root.resolve("btc/btc.test"))));
        assertThat(files).filteredOn(f -> f.path().equals("btc/btc.dev")).extracting(CorpusFile::part).containsExactly("train");
        assertThat(corpora.files(false)).filteredOn(f -> f.path().equals("btc/btc.dev")).extracting(CorpusFile::part)
                .containsExactly("dev");
    }

    @Test
    void missingFileIsNamed() {
        assertThatThrownBy(() -> new NerCorpora(root).trainingSamples(true))
                .hasMessageContaining("btc.train");
    }
}
