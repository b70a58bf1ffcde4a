package com.connekz.pipeline.redact.ner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.dictionary.Dictionary;
import opennlp.tools.namefind.DictionaryNameFinder;
import opennlp.tools.namefind.TokenNameFinder;
import opennlp.tools.util.Span;
import opennlp.tools.util.StringList;

/**
 * The spans {@link DictionaryNameFinder} finds in a case-insensitive dictionary, found with one hash
 * lookup per token instead of a new interned {@code StringList} and a lower-cased hash for every
 * token window. Same rule: from each token on, the longest entry that matches wins and the search
 * resumes after it. Tokens match when {@link String#equalsIgnoreCase} would say so (each code point
 * folded through upper then lower case, as that comparison does). Immutable and thread-safe.
 */
final class DictionarySpans implements TokenNameFinder {
    private static final String TYPE = "default";

    /** Entries by their first folded token; each entry is its folded tokens. */
    private final Map<String, List<String[]>> entriesByFirstToken;

    private DictionarySpans(Map<String, List<String[]>> entriesByFirstToken) {
        this.entriesByFirstToken = entriesByFirstToken;
    }

    /** The finder over a case-insensitive dictionary; a case-sensitive one is refused. */
    static DictionarySpans of(Dictionary dictionary) {
        if (dictionary.isCaseSensitive()) {
            throw new IllegalArgumentException("only a case-insensitive dictionary is supported");
        }
        Map<String, List<String[]>> entries = new HashMap<>();
        for (StringList entry : dictionary) {
            String[] folded = new String[entry.size()];
            for (int i = 0; i < folded.length; i++) {
                folded[i] = fold(entry.getToken(i));
            }
            entries.computeIfAbsent(folded[0], first -> new ArrayList<>()).add(folded);
        }
        return new DictionarySpans(entries);
    }

    @Override
    public Span[] find(String[] tokens) {
        String[] folded = new String[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            folded[i] = fold(tokens[i]);
        }
        return findFolded(folded);
    }

    /** As {@link #find}, for tokens already {@link #fold folded}. */
    Span[] findFolded(String[] folded) {
        List<Span> found = new ArrayList<>();
        for (int from = 0; from < folded.length; from++) {
            int longest = longestEntryAt(folded, from);
            if (longest > 0) {
                found.add(new Span(from, from + longest, TYPE));
                from += longest - 1;
            }
        }
        return found.toArray(new Span[0]);
    }

    @Override
    public void clearAdaptiveData() {
        // nothing adaptive
    }

    private int longestEntryAt(String[] folded, int from) {
        List<String[]> candidates = entriesByFirstToken.get(folded[from]);
        int longest = 0;
        if (candidates == null) {
            return longest;
        }
        for (String[] entry : candidates) {
            if (entry.length > longest && matches(entry, folded, from)) {
                longest = entry.length;
            }
        }
        return longest;
    }

    private static boolean matches(String[] entry, String[] folded, int from) {
        if (from + entry.length > folded.length) {
            return false;
        }
        for (int i = 1; i < entry.length; i++) {
            if (!entry[i].equals(folded[from + i])) {
                return false;
            }
        }
        return true;
    }

    /** The form under which {@code equalsIgnoreCase} sees a string. */
    static String fold(String token) {
        StringBuilder folded = null;
        for (int i = 0; i < token.length(); ) {
            int codePoint = token.codePointAt(i);
            int foldedPoint = Character.toLowerCase(Character.toUpperCase(codePoint));
            if (foldedPoint != codePoint && folded == null) {
                folded = new StringBuilder(token.length()).append(token, 0, i);
            }
            if (folded != null) {
                folded.appendCodePoint(foldedPoint);
            }
            i += Character.charCount(codePoint);
        }
        return folded == null ? token : folded.toString();
    }
}
