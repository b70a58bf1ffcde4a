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

    /**
     * How far a match reaches around the digits it always holds, so that only the text near its
     * digits is searched; null (the default) when a match need hold no digit and all the text is.
     */
    DigitReach digitReach() {
        return null;
    }

    @Override
    public void recognize(TextView text, List<Entity> found) {
        recognize(text, digitReach(), found);
    }

    /**
     * The matches that start at most {@code reach.before()} chars ahead of a run of digits, within
     * the windows of {@code reach} around the runs; in all the text when {@code reach} is null.
     */
    void recognize(TextView text, DigitReach reach, List<Entity> found) {
        if (reach != null && text.digitRuns().length == 0 || !mayMatch(text.text())) {
            return;
        }
        Matcher match = pattern.matcher(text.text()).useTransparentBounds(true).useAnchoringBounds(false);
        if (reach == null) {
            while (match.find()) {
                add(match, text, found);
            }
            return;
        }
        int[] windows = text.digitWindows(reach.before(), reach.after());
        DigitAnchoredMatches.forEach(match, text.digitRuns(), windows, reach.before(), matched -> add(matched, text, found));
    }

    private void add(Matcher match, TextView text, List<Entity> found) {
        double score = score(match);
        if (score > 0) {
            int group = spanGroup(match);
            int end = end(match, group, text.text());
            if (end > match.start(group)) {
                found.add(new Entity(type, match.start(group), end, score, name));
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
}
