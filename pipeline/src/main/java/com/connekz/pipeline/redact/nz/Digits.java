package com.connekz.pipeline.redact.nz;

import java.util.random.RandomGenerator;

/** Small helpers shared by the identifier classes: stripping separators and drawing digits. */
final class Digits {
    private Digits() {}

    /** The text with spaces and dashes removed, or null when anything else but digits remains. */
    static String compact(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != ' ' && c != '-') {
                return null;
            }
        }
        return digits.toString();
    }

    static int at(String digits, int index) {
        return digits.charAt(index) - '0';
    }

    static String random(RandomGenerator random, int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }
}
