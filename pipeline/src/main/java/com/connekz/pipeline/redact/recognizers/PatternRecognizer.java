package com.connekz.pipeline.redact.recognizers;

import com.connekz.pipeline.redact.Entity;
import com.connekz.pipeline.redact.Recognizer;
import com.connekz.pipeline.redact.TextView;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recognizer made of one regular expression and a validator of each match. The expression must
 * only use bounded or possessive repetition and must not start inside a run it could also have
 * started earlier (use a lookbehind), which keeps matching linear in the text's length.
 */
abstract class PatternRecognizer implements Recognizer {
    private final String name;
    private final String type;
    private final Pattern pattern;

    PatternRecognizer(String name, String type, Pattern pattern) {
        this.name = name;
        this.type = type;
        this.pattern = pattern;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<String> types() {
        return Set.of(type);
    }

    /** A cheap test that the text may hold a match at all (e.g. it contains '@'). */
    boolean mayMatch(String text) {
        return true;
    }

    /** The score of a match, or a negative number to reject it. */
    abstract double score(Matcher match);

    @Override
    public void recognize(TextView text, List<Entity> found) {
        if (!mayMatch(text.text())) {
            return;
        }
        Matcher match = pattern.matcher(text.text());
        while (match.find()) {
            double score = score(match);
            if (score > 0) {
                int group = spanGroup(match);
                int end = end(match, group, text.text());
                if (end > match.start(group)) {
                    found.add(new Entity(type, match.start(group), end, score, name));
                }
            }
        }
    }

    /** The group whose span is the entity: 0, the whole match, unless a subclass says otherwise. */
    int spanGroup(Matcher match) {
        return 0;
    }

    /** Where the entity ends; subclasses trim trailing punctuation here. */
    int end(Matcher match, int group, String text) {
        return match.end(group);
    }

    static boolean containsDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }
}
