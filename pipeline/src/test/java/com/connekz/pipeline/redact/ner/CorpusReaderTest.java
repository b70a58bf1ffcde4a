package com.connekz.pipeline.redact.ner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

class CorpusReaderTest {

    @Test
    void btcTabBioMapsPerLocOrgAndSplitsSentencesOnBlankLines() {
        String btc = """
                Kim\tB-PER
                Lee\tI-PER
                visited\tO
                Wellington\tB-LOC
                
                Fonterra\tB-ORG
                rocks\tO
                """;

        List<NameSample> samples = CorpusReader.read(btc, CorpusFormat.TAB_BIO);

        assertThat(samples).hasSize(2);
        assertThat(samples.get(0).getSentence()).containsExactly("Kim", "Lee", "visited", "Wellington");
        assertThat(samples.get(0).getNames()).containsExactly(
                new Span(0, 2, "person"), new Span(3, 4, "location"));
        assertThat(samples.get(1).getNames()).containsExactly(new Span(0, 1, "organization"));
        assertThat(samples).allMatch(NameSample::isClearAdaptiveDataSet);
    }

    @Test
    void wnutMapsCorporationAndGroupToOrganizationDropsProductAndTreatsTabLinesAsBlank() {
        String wnut = "@someone\tO\nlove\tO\nmy\tO\niPhone\tB-product\nfrom\tO\nApple\tB-corporation\n\t\n"
                + "The\tB-group\nBeatles\tI-group\nand\tO\nEmpire\tB-location\nState\tI-location\n";

        List<NameSample> samples = CorpusReader.read(wnut, CorpusFormat.TAB_BIO);

        assertThat(samples).hasSize(2);
        assertThat(samples.get(0).getNames()).containsExactly(new Span(5, 6, "organization"));
        assertThat(samples.get(1).getNames()).containsExactly(
                new Span(0, 2, "organization"), new Span(3, 5, "location"));
    }

    @Test
    void bioStartsANewSpanAtEachBeginEvenWhenTheTypeRepeats() {
        String text = "Ana\tB-PER\nBo\tB-PER\nCy\tI-PER\n";

        Span[] names = CorpusReader.read(text, CorpusFormat.TAB_BIO).get(0).getNames();

        assertThat(names).containsExactly(new Span(0, 1, "person"), new Span(1, 3, "person"));
    }

    @Test
    void tokensKeepInnerSpacesAndLoseOuterOnes() {
        String text = "ke s\tO\n💔 \tO\nAroha\tB-PER\n";

        NameSample sample = CorpusReader.read(text, CorpusFormat.TAB_BIO).get(0);

        assertThat(sample.getSentence()).containsExactly("ke s", "💔", "Aroha");
        assertThat(sample.getNames()).containsExactly(new Span(2, 3, "person"));
    }

    @Test
    void wikigoldIob1ContinuesInsideRunsDropsMiscAndMarksDocumentStarts() {
        String wikigold = """
                -DOCSTART- O
                
                The I-ORG
                Mad I-ORG
                Capsule I-ORG
                is O
                Japanese I-MISC
                . O
                
                John I-PER
                Key I-PER
                B-PER B-PER
                . O
                -DOCSTART- O
                
                Auckland I-LOC
                """;

        List<NameSample> samples = CorpusReader.read(wikigold, CorpusFormat.SPACE_IOB1);

        assertThat(samples).hasSize(3);
        assertThat(samples.get(0).getNames()).containsExactly(new Span(0, 3, "organization"));
        assertThat(samples.get(1).getNames()).containsExactly(new Span(0, 2, "person"), new Span(2, 3, "person"));
        assertThat(samples.get(2).getNames()).containsExactly(new Span(0, 1, "location"));
        assertThat(samples).extracting(NameSample::isClearAdaptiveDataSet).containsExactly(true, false, true);
    }

    @Test
    void formatIsChosenByFileName() {
        assertThat(CorpusFormat.of("wikigold.conll.txt")).isEqualTo(CorpusFormat.SPACE_IOB1);
        assertThat(CorpusFormat.of("btc.train")).isEqualTo(CorpusFormat.TAB_BIO);
        assertThat(CorpusFormat.of("emerging.test.annotated")).isEqualTo(CorpusFormat.TAB_BIO);
    }
}
