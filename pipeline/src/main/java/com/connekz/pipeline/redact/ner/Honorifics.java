package com.connekz.pipeline.redact.ner;

import java.util.Locale;
import java.util.Set;
import opennlp.tools.util.Span;

/**
 * Titles before a name. The corpora sometimes label "Dr Anahera Smith" whole as a person, so the
 * model does too; a title is not personal data, and keeping it keeps the redacted text readable.
 */
final class Honorifics {
    private static final Set<String> TITLES = Set.of(
            "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lady", "lord", "rev", "fr");

    private Honorifics() {
    }

    /** The person span without its leading titles (and their full stops); other spans unchanged. */
    static Span withoutLeadingTitles(String[] tokens, Span span) {
        if (!EntityType.PERSON.modelName().equals(span.getType())) {
            return span;
        }
        int start = span.getStart();
        while (start < span.getEnd() - 1 && isTitle(tokens[start])) {
            start++;
            if (start < span.getEnd() - 1 && tokens[start].equals(".")) {
                start++;
            }
        }
        return start == span.getStart() ? span : new Span(start, span.getEnd(), span.getType(), span.getProb());
    }

    private static boolean isTitle(String token) {
        String word = token.endsWith(".") ? token.substring(0, token.length() - 1) : token;
        return TITLES.contains(word.toLowerCase(Locale.ROOT));
    }
}
