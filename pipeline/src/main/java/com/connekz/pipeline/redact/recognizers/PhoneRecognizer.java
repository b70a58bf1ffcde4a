package com.connekz.pipeline.redact.recognizers;

import com.connekz.pipeline.redact.Entity;
import com.connekz.pipeline.redact.EntityTypes;
import com.connekz.pipeline.redact.Recognizer;
import com.connekz.pipeline.redact.TextView;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.Set;

/**
 * Phone numbers via libphonenumber: numbers valid in New Zealand as dialled there, and numbers of
 * any country written with their international prefix. Numbers that are merely possible (right
 * length, unallocated range) count when written with their country code or dialled as in New
 * Zealand ({@link PhoneNumbers}); others score below the threshold unless context words lift them.
 */
public final class PhoneRecognizer implements Recognizer {
    private static final PhoneNumberUtil PHONES = PhoneNumbers.UTIL;
    private static final int MIN_DIGITS = 6;
    static final int BEFORE_START = 30;
    static final int AFTER_START = 80;
    private static final double VALID_SCORE = 0.75;
    /** A number of a possible length but outside the allocated ranges counts only with context ("call", "mobile"). */
    private static final double POSSIBLE_SCORE = 0.4;
    /** A possible number written with its country code is a phone number even outside allocated ranges. */
    private static final double INTERNATIONAL_SCORE = 0.6;
    /** So is a possible number dialled as in New Zealand: trunk zero, area or mobile prefix, grouped. */
    private static final double NZ_DIALLED_SCORE = 0.55;

    @Override
    public String name() {
        return "phone";
    }

    @Override
    public Set<String> types() {
        return Set.of(EntityTypes.PHONE_NUMBER);
    }

    @Override
    public void recognize(TextView text, List<Entity> found) {
        if (digitCount(text.text()) < MIN_DIGITS) {
            return;
        }
        int[] windows = numberWindows(text.text());
        for (int w = 0; w < windows.length; w += 2) {
            String window = text.text().substring(windows[w], windows[w + 1]);
            for (PhoneNumberMatch match : PHONES.findNumbers(window, "NZ", PhoneNumberUtil.Leniency.POSSIBLE, Long.MAX_VALUE)) {
                String raw = match.rawString();
                int start = windows[w] + match.start() + unmatchedBracket(raw);
                int end = windows[w] + match.end();
                if (!dialledAsAPhone(raw)) {
                    continue;
                }
                if (PHONES.isValidNumber(match.number())) {
                    found.add(new Entity(EntityTypes.PHONE_NUMBER, start, end, VALID_SCORE, name()));
                } else if (!glued(text.text(), start, end)) {
                    double score = possibleScore(raw, match.number());
                    if (score > 0) {
                        found.add(new Entity(EntityTypes.PHONE_NUMBER, start, end, score, name()));
                    }
                }
            }
        }
    }

    /** The score of a possible (not valid) number by how it is written; 0 when not written as one dials a phone. */
    private static double possibleScore(String raw, PhoneNumber number) {
        boolean nzDialled = PhoneNumbers.dialledInNewZealand(number, raw);
        if (!nzDialled && !looksDialled(raw)) {
            return 0;
        }
        if (PhoneNumbers.writtenInternationally(raw)) {
            return INTERNATIONAL_SCORE;
        }
        return nzDialled ? NZ_DIALLED_SCORE : POSSIBLE_SCORE;
    }

    /**
     * The stretches of text libphonenumber reads: around each place a reported number can start
     * ({@link #dialledAsAPhone}: a plus, a bracket, or a zero that begins a group of digits), from
     * {@value #BEFORE_START} chars before it to {@value #AFTER_START} after, merged where they
     * overlap. Enough for the longest number with its extension and for what libphonenumber checks
     * next to a candidate; digits nowhere near such a start (amounts, cards, IRD numbers) are not
     * parsed at all, which was most of this recognizer's time.
     *
     * @return start and end (exclusive) of each stretch, in pairs
     */
    static int[] numberWindows(String text) {
        return TextView.windowsAround(text, i -> startsADialledNumber(text, i), BEFORE_START, AFTER_START);
    }

    private static boolean startsADialledNumber(String text, int i) {
        char c = text.charAt(i);
        return c == '+' || c == '(' || c == '0' && (i == 0 || !isAsciiDigit(text.charAt(i - 1)));
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * Phone numbers are written with their trunk zero, a plus or a bracketed area code ("(09)",
     * "(+64"); digits without them ("49-091-850", "(49-091-850)") are IRD numbers, amounts or codes
     * far more often.
     */
    private static boolean dialledAsAPhone(String raw) {
        String number = raw.charAt(0) == '(' ? raw.substring(1) : raw;
        return !number.isEmpty() && (number.charAt(0) == '+' || number.charAt(0) == '0');
    }

    /** Written as someone dials it: with its country code, or grouped ("021 555 0199"); at least eight digits. */
    private static boolean looksDialled(String raw) {
        boolean grouped = raw.indexOf(' ') > 0 || raw.indexOf('-') > 0;
        return (PhoneNumbers.writtenInternationally(raw) || grouped) && raw.replaceAll("\\D", "").length() >= 8;
    }

    /** 1 when libphonenumber's match begins with an opening bracket it does not close ("(+64 27 ..., email)"). */
    private static int unmatchedBracket(String raw) {
        return raw.startsWith("(") && raw.indexOf(')') < 0 ? 1 : 0;
    }

    /** Whether the match is stuck to a letter or digit, i.e. part of a code rather than a number on its own. */
    private static boolean glued(String text, int start, int end) {
        return start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))
                || end < text.length() && Character.isLetterOrDigit(text.charAt(end));
    }

    private static int digitCount(String text) {
        int count = 0;
        for (int i = 0; i < text.length() && count < MIN_DIGITS; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                count++;
            }
        }
        return count;
    }
}
