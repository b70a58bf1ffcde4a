package com.connekz.pipeline.redact.recognizers;

import com.connekz.pipeline.redact.EntityTypes;
import com.connekz.pipeline.redact.checksum.Luhn;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Payment card numbers: 13 to 19 digits, optionally grouped by spaces or dashes, passing Luhn. */
public final class CreditCardRecognizer extends PatternRecognizer {
    private static final Pattern CARD = Pattern.compile("(?<![\\d-])[2-6]\\d{3}(?:[ -]?\\d){9,15}(?![\\d])");

    public CreditCardRecognizer() {
        super("credit_card", EntityTypes.CREDIT_CARD, CARD);
    }

    /** Card digits, in groups joined by single spaces or dashes. */
    @Override
    DigitReach digitReach() {
        return DigitReach.SEPARATED_DIGITS;
    }

    @Override
    double score(Matcher match) {
        String digits = match.group().replaceAll("[ -]", "");
        if (digits.length() < 13 || digits.length() > 19 || !Luhn.isValid(digits)) {
            return -1;
        }
        return 0.9;
    }
}
