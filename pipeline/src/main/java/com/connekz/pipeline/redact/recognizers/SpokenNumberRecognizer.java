package com.connekz.pipeline.redact.recognizers;

import com.connekz.pipeline.redact.Entity;
import com.connekz.pipeline.redact.EntityTypes;
import com.connekz.pipeline.redact.Recognizer;
import com.connekz.pipeline.redact.TextView;
import com.connekz.pipeline.redact.checksum.Luhn;
import com.connekz.pipeline.redact.nz.IrdNumber;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Numbers as speech recognition writes them: digit words ("oh two one five five five, zero one
 * nine nine"), "double"/"triple", and digit groups mixed in. A run of at least seven digits that
 * contains a spoken word is read as a phone number when libphonenumber finds it valid in New
 * Zealand, as an IRD number or card when their checks hold, and otherwise as a phone number with a
 * low score that context words ("number", "call") can lift.
 */
public final class SpokenNumberRecognizer implements Recognizer {
    private static final Map<String, Integer> DIGIT_WORDS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("oh", 0), Map.entry("o", 0), Map.entry("nought", 0), Map.entry("nil", 0),
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("niner", 9));
    private static final int MIN_DIGITS = 7;
    private static final int MAX_GAP = 3;
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

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
                if (word.equals("double") || word.equals("triple")) {
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
            if (last >= 0 && spoken && digits.length() >= MIN_DIGITS) {
                emit(view, first, last, digits.toString(), found);
            }
            if (token == first) {
                token++;
            }
        }
    }

    private static boolean startsRun(TextView view, int token) {
        String word = view.lowerToken(token);
        if (word.equals("o") || word.equals("oh")) {
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
        if (IrdNumber.isValid(digits) && digits.length() <= 9 && !isNzPhone(digits)) {
            found.add(new Entity(EntityTypes.NZ_IRD, start, end, 0.6, name()));
        } else if (digits.length() >= 13 && Luhn.isValid(digits)) {
            found.add(new Entity(EntityTypes.CREDIT_CARD, start, end, 0.8, name()));
        } else {
            found.add(new Entity(EntityTypes.PHONE_NUMBER, start, end, isNzPhone(digits) ? 0.7 : 0.45, name()));
        }
    }

    /** Spoken phone numbers start with their trunk zero ("oh two one..."); IRD numbers do not. */
    private static boolean isNzPhone(String digits) {
        if (!digits.startsWith("0")) {
            return false;
        }
        try {
            return PHONES.isValidNumber(PHONES.parse(digits, "NZ"));
        } catch (NumberParseException e) {
            return false;
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
