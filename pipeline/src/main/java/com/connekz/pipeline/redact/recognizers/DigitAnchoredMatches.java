package com.connekz.pipeline.redact.recognizers;

import com.connekz.pipeline.redact.TextView;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The matches of a pattern that always starts at most {@code before} chars ahead of a run of
 * digits, and never inside a run, within given windows around the digits. They are the matches
 * {@link Matcher#find()} gives in the same windows, left to right and not overlapping, but found
 * by trying only the few positions near each run instead of every position of each window.
 */
final class DigitAnchoredMatches {
    private DigitAnchoredMatches() {}

    /** The matches within the view's own digit windows. */
    static List<MatchResult> of(Pattern pattern, TextView view, int before) {
        List<MatchResult> found = new ArrayList<>(0);
        Matcher match = pattern.matcher(view.text()).useTransparentBounds(true).useAnchoringBounds(false);
        forEach(match, view.digitRuns(), view.digitWindows(), before, matched -> found.add(matched.toMatchResult()));
        return found;
    }

    /**
     * Hands {@code each} the matcher positioned on each match in turn. {@code windows} are
     * {@code [start, end)} pairs in order that together hold every run of {@code runs}; a match
     * ends inside the window it starts in.
     */
    static void forEach(Matcher match, int[] runs, int[] windows, int before, Consumer<Matcher> each) {
        int window = 0;
        int next = 0;
        for (int run = 0; run < runs.length; run += 2) {
            while (windows[window + 1] <= runs[run]) {
                window += 2;
            }
            int start = Math.max(Math.max(next, windows[window]), runs[run] - before);
            while (start <= runs[run]) {
                match.region(start, windows[window + 1]);
                if (match.lookingAt()) {
                    each.accept(match);
                    start = Math.max(match.end(), start + 1);
                } else {
                    start++;
                }
                next = start;
            }
        }
    }
}
