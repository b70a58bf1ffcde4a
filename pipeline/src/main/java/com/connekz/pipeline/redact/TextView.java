package com.connekz.pipeline.redact;

import java.util.Locale;

/**
 * A text prepared once for all recognizers: its word tokens (runs of letters, digits and
 * underscores, as the scoring contract defines a token) with their offsets, and their lower-case
 * forms. Built in one linear pass; read-only afterwards.
 */
public final class TextView {
    private final String text;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private String[] lower;
    private int[] digitRuns;
    private int[] digitWindows;
    private Boolean hasCapital;
    private int count;
    /** How far before the first and after the last digit of a run an entity holding it may reach. */
    static final int WINDOW_BEFORE = 40;
    static final int WINDOW_AFTER = 160;

    public TextView(String text) {
        this.text = text;
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (isWordChar(text.charAt(i))) {
                int start = i;
                while (i < n && isWordChar(text.charAt(i))) {
                    i++;
                }
                add(start, i);
            } else {
                i++;
            }
        }
    }

    /** Whether a char belongs to a word token: a letter, digit, combining mark or underscore. */
    public static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    private void add(int start, int end) {
        if (count == starts.length) {
            starts = java.util.Arrays.copyOf(starts, count * 2);
            ends = java.util.Arrays.copyOf(ends, count * 2);
        }
        starts[count] = start;
        ends[count] = end;
        count++;
    }

    public String text() {
        return text;
    }

    public int tokenCount() {
        return count;
    }

    public int tokenStart(int token) {
        return starts[token];
    }

    public int tokenEnd(int token) {
        return ends[token];
    }

    public String token(int token) {
        return text.substring(starts[token], ends[token]);
    }

    /** The token in lower case (computed for all tokens on first use). */
    public String lowerToken(int token) {
        if (lower == null) {
            String[] all = new String[count];
            for (int i = 0; i < count; i++) {
                all[i] = text.substring(starts[i], ends[i]).toLowerCase(Locale.ROOT);
            }
            lower = all;
        }
        return lower[token];
    }

    /**
     * Stretches of the text around its digits, as {@code [start, end)} pairs, merged and in order:
     * every entity that holds a digit lies inside one. Recognizers of numbers search only these,
     * which in ordinary prose is a small part of the text.
     */
    public int[] digitWindows() {
        if (digitWindows == null) {
            digitWindows = digitWindows(WINDOW_BEFORE, WINDOW_AFTER);
        }
        return digitWindows;
    }

    /**
     * Stretches from {@code before} chars before each run of digits to {@code after} chars after
     * it, merged where they touch: an entity that starts at most {@code before} chars before its
     * first digit, ends at most {@code after} past its last, and has no gap between digits wider
     * than the two together lies inside one.
     */
    public int[] digitWindows(int before, int after) {
        return widened(digitRuns(), before, after, text.length());
    }

    /** The maximal runs of ASCII digits, as {@code [start, end)} pairs in order; computed on first use. */
    public int[] digitRuns() {
        if (digitRuns == null) {
            digitRuns = runsOf(text, i -> isAsciiDigit(text.charAt(i)));
        }
        return digitRuns;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Stretches of {@code text} from {@code before} chars before each index where {@code marks}
     * holds to {@code after} chars after it (end exclusive), merged where they overlap, as
     * {@code [start, end)} pairs in order.
     */
    public static int[] windowsAround(String text, java.util.function.IntPredicate marks, int before, int after) {
        // A run's last marked index is one before its end, so "after chars after it" is after - 1 past the end.
        return widened(runsOf(text, marks), before, after - 1, text.length());
    }

    /** The maximal runs of indices of {@code text} where {@code marks} holds, as {@code [start, end)} pairs in order. */
    private static int[] runsOf(String text, java.util.function.IntPredicate marks) {
        int[] runs = new int[8];
        int size = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!marks.test(i)) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && marks.test(i)) {
                i++;
            }
            if (size + 2 > runs.length) {
                runs = java.util.Arrays.copyOf(runs, runs.length * 2);
            }
            runs[size++] = start;
            runs[size++] = i;
        }
        return java.util.Arrays.copyOf(runs, size);
    }

    /**
     * Each {@code [start, end)} pair of {@code runs} widened by {@code before} and {@code after},
     * kept inside {@code [0, length)}, and merged with the one before it where they touch.
     */
    private static int[] widened(int[] runs, int before, int after, int length) {
        int[] windows = new int[runs.length];
        int size = 0;
        for (int r = 0; r < runs.length; r += 2) {
            int start = Math.max(0, runs[r] - before);
            int end = Math.min(length, runs[r + 1] + after);
            if (size > 0 && start <= windows[size - 1]) {
                windows[size - 1] = end;
            } else {
                windows[size++] = start;
                windows[size++] = end;
            }
        }
        return size == windows.length ? windows : java.util.Arrays.copyOf(windows, size);
    }

    /**
     * Whether any character of the text is upper case (a text without is written all in lower case);
     * computed on first use.
     */
    public boolean hasCapital() {
        if (hasCapital == null) {
            hasCapital = text.chars().anyMatch(Character::isUpperCase);
        }
        return hasCapital;
    }

    public boolean capitalised(int token) {
        char first = text.charAt(starts[token]);
        return Character.isUpperCase(first);
    }

    /** The index of the first token ending after {@code offset}, or the token count when none does. */
    public int tokenAtOrAfter(int offset) {
        int low = 0;
        int high = count;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (ends[mid] <= offset) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Whether the token starts a sentence: first in the text or after . ! ? or a line break. */
    public boolean startsSentence(int token) {
        for (int i = starts[token] - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == '"') {
                return true;
            }
            if (!Character.isWhitespace(c) && c != '\'' && c != '(' && c != '-' && c != '*') {
                return false;
            }
        }
        return true;
    }
}
