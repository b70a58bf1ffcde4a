package com.connekz.pipeline.redact.recognizers;

import com.connekz.pipeline.redact.EntityTypes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * US social security numbers {@code AAA-GG-SSSS} (dashes or spaces), without the never-issued
 * areas 000, 666 and 900-999, group 00 or serial 0000. Moderate score: context words confirm it.
 */
public final class UsSsnRecognizer extends PatternRecognizer {
    private static final Pattern SSN = Pattern.compile("(?<![\\d-])(\\d{3})([- ])(\\d{2})\\2(\\d{4})(?![\\d]|-\\d)");

    public UsSsnRecognizer() {
        super("us_ssn", EntityTypes.US_SSN, SSN);
    }

    /** Three groups of digits joined by single spaces or dashes. */
    @Override
    DigitReach digitReach() {
        return DigitReach.SEPARATED_DIGITS;
    }

    @Override
    double score(Matcher match) {
        String area = match.group(1);
        if (area.equals("000") || area.equals("666") || area.charAt(0) == '9'
                || match.group(3).equals("00") || match.group(4).equals("0000")) {
            return -1;
        }
        return 0.5;
    }
}
