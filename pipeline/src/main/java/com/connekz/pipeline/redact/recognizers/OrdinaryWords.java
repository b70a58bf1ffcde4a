package com.connekz.pipeline.redact.recognizers;

import java.util.Set;

/**
 * English words that are ordinary words, not names: the lower-case entries of the SCOWL word lists
 * and the lower-case words of the NER corpora's training part ({@code redact/ordinary-words.txt.gz},
 * built by {@code redact.ner.OrdinaryWordsBuild}; attribution in {@code redact/ordinary-words.NOTICE}),
 * and the ordinary words of New Zealand English those lists lack ({@code redact/nz-ordinary-words.txt},
 * written by hand). Immutable; loaded once per JVM.
 */
public final class OrdinaryWords {
    private static final String RESOURCE = "/redact/ordinary-words.txt.gz";
    private static final String NEW_ZEALAND = "/redact/nz-ordinary-words.txt";

    private final Set<String> words;

    private OrdinaryWords(Set<String> words) {
        this.words = Set.copyOf(words);
    }

    private static final class Holder {
        static final OrdinaryWords SHARED = load();
    }

    public static OrdinaryWords shared() {
        return Holder.SHARED;
    }

    /** Whether the lower-cased word is an ordinary word. */
    public boolean contains(String lower) {
        return words.contains(lower);
    }

    public int size() {
        return words.size();
    }

    private static OrdinaryWords load() {
        Set<String> words = NameLists.readWords(RESOURCE);
        words.addAll(NameLists.readWords(NEW_ZEALAND));
        return new OrdinaryWords(words);
    }
}
