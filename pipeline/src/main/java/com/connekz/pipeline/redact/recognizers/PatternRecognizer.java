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

    /** Whether every match holds a digit, so that only the text's digit windows need searching. */
    boolean needsDigit() {
        return true;
    }

    /**
     * How far a match of a digit-holding pattern reaches around its digits, which bounds the
     * windows searched: the wider, the more start positions the expression is tried at.
     */
    DigitReach digitReach() {
        return DigitReach.ANY_ENTITY;
    }

    @Override
    public void recognize(TextView text, List<Entity> found) {
        recognize(text, needsDigit() ? digitReach() : null, found);
    }

    /** The matches inside the windows of {@code reach} around the text's digits; in all the text when it is null. */
    void recognize(TextView text, DigitReach reach, List<Entity> found) {
        int[] windows = reach == null ? null : digitWindows(text, reach);
        if (windows != null && windows.length == 0 || !mayMatch(text.text())) {
            return;
        }
        Matcher match = pattern.matcher(text.text()).useTransparentBounds(true).useAnchoringBounds(false);
        if (windows == null) {
            collect(match, text, found);
            return;
        }
        for (int w = 0; w < windows.length; w += 2) {
            match.region(windows[w], windows[w + 1]);
            collect(match, text, found);
        }
    }

    private static int[] digitWindows(TextView text, DigitReach reach) {
        return reach == DigitReach.ANY_ENTITY
                ? text.digitWindows() : text.digitWindows(reach.before(), reach.after());
    }

    private void collect(Matcher match, TextView text, List<Entity> found) {
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
