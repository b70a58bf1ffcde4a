package com.connekz.pipeline.redact.ner;

import static org.assertj.core.api.Assertions.assertThat;

import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

class HonorificsTest {

    @Test
    void leadingTitlesAndTheirFullStopsLeaveAPersonSpan() {
        String[] tokens = {"to", "Dr", ".", "Anahera", "Smith"};

        Span trimmed = Honorifics.withoutLeadingTitles(tokens, new Span(1, 5, "person", 0.7));

        assertThat(trimmed).isEqualTo(new Span(3, 5, "person"));
        assertThat(trimmed.getProb()).isEqualTo(0.7);
        assertThat(Honorifics.withoutLeadingTitles(new String[] {"Mrs.", "Sir", "Kiri"}, new Span(0, 3, "person")))
                .isEqualTo(new Span(2, 3, "person"));
    }

    @Test
    void aTitleAloneOtherTypesAndOrdinaryNamesStayAsTheyAre() {
        assertThat(Honorifics.withoutLeadingTitles(new String[] {"Dr"}, new Span(0, 1, "person")))
                .isEqualTo(new Span(0, 1, "person"));
        assertThat(Honorifics.withoutLeadingTitles(new String[] {"Dr", "Who", "Cafe"}, new Span(0, 3, "organization")))
                .isEqualTo(new Span(0, 3, "organization"));
        assertThat(Honorifics.withoutLeadingTitles(new String[] {"Drew", "Smith"}, new Span(0, 2, "person")))
                .isEqualTo(new Span(0, 2, "person"));
    }
}
