package com.connekz.pipeline.redact.recognizers;

import com.connekz.pipeline.redact.Entity;
import com.connekz.pipeline.redact.EntityTypes;
import com.connekz.pipeline.redact.Recognizer;
import com.connekz.pipeline.redact.TextView;
import com.connekz.pipeline.redact.checksum.Luhn;
import com.connekz.pipeline.redact.nz.IrdNumber;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Numbers as speech recognition writes them: digit words ("oh two one five five five, zero one
 * nine nine"), "double"/"triple", "plus" before a country code, and digit groups mixed in. A run of
 * at least seven digits that contains a spoken word is read as a phone number when it follows "plus"
 * or libphonenumber finds it valid or dialled as in New Zealand, as an IRD number or card when their
 * checks hold, and otherwise as a phone number with a low score that context words ("number",
 * "call") can lift.
 */
public final class SpokenNumberRecognizer implements Recognizer {
    private static final Map<String, Integer> DIGIT_WORDS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("oh", 0), Map.entry("o", 0), Map.entry("nought", 0), Map.entry("nil", 0),
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("niner", 9));
    private static final int MIN_DIGITS = 7;
    private static final double VALID_SCORE = 0.7;
    private static final double INTERNATIONAL_SCORE = 0.6;
    private static final double NZ_DIALLED_SCORE = 0.55;
    private static final double UNSURE_SCORE = 0.45;
    private static final int MAX_GAP = 3;
    private static final PhoneNumberUtil PHONES = PhoneNumbers.UTIL;
    /** Spoken before a country code: "plus six four two one ...". */
    private static final String PLUS = "plus";

    @Override
    public String name() {
        return "spoken_number";
    }

    @Override
    public Set<String> types() {
        return Set.of(EntityTypes.PHONE_NUMBER, EntityTypes.NZ_IRD, EntityTypes.CREDIT_CARD);
    }

    @Override
    public void recognize(TextView view, List<Entity> found) {
        int token = 0;
        int count = view.tokenCount();
        while (token < count) {
            if (!startsRun(view, token)) {
                token++;
                continue;
            }
            StringBuilder digits = new StringBuilder();
            int repeat = 1;
            boolean spoken = false;
            int first = token;
            int last = -1;
            while (token < count && (token == first || gapIsSeparator(view, token))) {
                String word = view.lowerToken(token);
                Integer digit = DIGIT_WORDS.get(word);
                if (token == first && word.equals(PLUS)) {
                    digits.append('+');
                } else if (word.equals("double") || word.equals("triple")) {
                    repeat = word.equals("double") ? 2 : 3;
                } else if (digit != null) {
                    digits.append(String.valueOf(digit).repeat(repeat));
                    repeat = 1;
                    spoken = true;
                    last = token;
                } else if (isDigits(word) && word.length() <= 4) {
                    digits.append(word);
                    repeat = 1;
                    last = token;
                } else {
                    break;
                }
                token++;
            }
            if (last >= 0 && spoken && digits.length() - (digits.charAt(0) == '+' ? 1 : 0) >= MIN_DIGITS) {
                emit(view, first, last, digits.toString(), found);
            }
            if (token == first) {
                token++;
            }
        }
    }

    private static boolean startsRun(TextView view, int token) {
        String word = view.lowerToken(token);
        if (word.equals("o") || word.equals("oh") || word.equals(PLUS)) {
            return token + 1 < view.tokenCount() && DIGIT_WORDS.containsKey(view.lowerToken(token + 1));
        }
        return DIGIT_WORDS.containsKey(word) || word.equals("double") || word.equals("triple")
                || (isDigits(word) && word.length() <= 4);
    }

    /** Between two tokens of one spoken number only spaces, commas, dashes and dots may stand. */
    private static boolean gapIsSeparator(TextView view, int token) {
        int from = view.tokenEnd(token - 1);
        int to = view.tokenStart(token);
        if (to - from > MAX_GAP) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = view.text().charAt(i);
            if (c != ' ' && c != ',' && c != '-' && c != '.') {
                return false;
            }
        }
        return true;
    }

    private void emit(TextView view, int first, int last, String digits, List<Entity> found) {
        int start = view.tokenStart(first);
        int end = view.tokenEnd(last);
        PhoneNumber phone = parse(digits);
        boolean validPhone = phone != null && PHONES.isValidNumber(phone);
        if (digits.charAt(0) == '+') {
            found.add(new Entity(EntityTypes.PHONE_NUMBER, start, end, validPhone ? VALID_SCORE : INTERNATIONAL_SCORE, name()));
        } else if (IrdNumber.isValid(digits) && digits.length() <= 9 && !(validPhone && digits.startsWith("0"))) {
            found.add(new Entity(EntityTypes.NZ_IRD, start, end, 0.6, name()));
        } else if (digits.length() >= 13 && Luhn.isValid(digits)) {
            found.add(new Entity(EntityTypes.CREDIT_CARD, start, end, 0.8, name()));
        } else {
            found.add(new Entity(EntityTypes.PHONE_NUMBER, start, end, phoneScore(phone, digits, validPhone), name()));
        }
    }

    /**
     * Spoken phone numbers start with their trunk zero ("oh two one...") or "plus"; IRD numbers do
     * not. A run that is neither a valid nor a New Zealand-dialled number counts only with context.
     */
    private static double phoneScore(PhoneNumber phone, String digits, boolean valid) {
        if (!digits.startsWith("0") || phone == null) {
            return UNSURE_SCORE;
        }
        if (valid) {
            return VALID_SCORE;
        }
        return PhoneNumbers.dialledInNewZealand(phone, digits) ? NZ_DIALLED_SCORE : UNSURE_SCORE;
    }

    private static PhoneNumber parse(String digits) {
        try {
            return PHONES.parseAndKeepRawInput(digits, "NZ");
        } catch (NumberParseException e) {
            return null;
        }
    }

    private static boolean isDigits(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !word.isEmpty();
    }
}
