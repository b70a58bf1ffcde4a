package com.connekz.pipeline.redact.ner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import opennlp.tools.dictionary.Dictionary;
import opennlp.tools.namefind.DictionaryNameFinder;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.Span;
import opennlp.tools.util.StringList;
import org.junit.jupiter.api.Test;

/** The fast finder gives OpenNLP's dictionary spans: longest entry first, case-insensitive. */
class DictionarySpansTest {
    private static final Dictionary NAMES = dictionary("mary", "mary jane", "jane smith", "te ao", "ngāti", "o'brien");

    @Test
    void findsTheLongestEntryAtEachTokenAndResumesAfterIt() {
        Span[] spans = DictionarySpans.of(NAMES).find(tokens("MARY Jane Smith met Jane Smith"));

        assertThat(spans).containsExactly(new Span(0, 2, "default"), new Span(4, 6, "default"));
    }

    @Test
    void agreesWithOpenNlpsFinderOnTrickyText() {
        DictionarySpans fast = DictionarySpans.of(NAMES);
        DictionaryNameFinder openNlp = new DictionaryNameFinder(NAMES);
        List<String> texts = List.of("mary", "Mary jane", "jane", "jane mary jane smith smith",
                "NGĀTI Te Ao o'brien", "O'BRIEN te", "te ao te ao mary", "", "nothing listed here at all");

        for (String text : texts) {
            String[] tokens = tokens(text);
            assertThat(fast.find(tokens)).as(text).containsExactly(openNlp.find(tokens));
        }
    }

    @Test
    void agreesWithOpenNlpsFinderOnTheShippedNameList() {
        Dictionary shipped = PersonNameDictionary.dictionary();
        DictionarySpans fast = DictionarySpans.of(shipped);
        DictionaryNameFinder openNlp = new DictionaryNameFinder(shipped);
        String[] tokens = tokens("Kia ora, I'm Aroha Ngata and my friend JOHN SMITH lives with Mary Anne in Te Awamutu");

        Span[] expected = openNlp.find(tokens);

        assertThat(expected).isNotEmpty();
        assertThat(fast.find(tokens)).containsExactly(expected);
    }

    @Test
    void foldsCaseAsEqualsIgnoreCaseDoes() {
        assertThat(DictionarySpans.fold("ĀROHA")).isEqualTo(DictionarySpans.fold("āroha"));
        assertThat(DictionarySpans.fold("already folded")).isSameAs(DictionarySpans.fold("already folded"));
        assertThat(DictionarySpans.fold("Mary")).isNotEqualTo(DictionarySpans.fold("Marz"));
    }

    @Test
    void refusesACaseSensitiveDictionary() {
        assertThatThrownBy(() -> DictionarySpans.of(new Dictionary(true)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String[] tokens(String text) {
        return SimpleTokenizer.INSTANCE.tokenize(text);
    }

    private static Dictionary dictionary(String... entries) {
        Dictionary dictionary = new Dictionary(false);
        for (String entry : entries) {
            dictionary.put(new StringList(entry.split(" ")));
        }
        return dictionary;
    }
}
