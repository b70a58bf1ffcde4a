package com.connekz.pipeline.redact.recognizers;

import com.connekz.pipeline.redact.EntityTypes;
import com.connekz.pipeline.redact.nz.IrdNumber;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** NZ IRD numbers, 8 or 9 digits grouped in threes or not, whose check digit holds. */
public final class IrdRecognizer extends PatternRecognizer {
    private static final Pattern IRD = Pattern.compile("(?<![\\d-])\\d{2,3}([- ]?)\\d{3}\\1\\d{3}(?![\\d]|-\\d)");

    public IrdRecognizer() {
        super("nz_ird", EntityTypes.NZ_IRD, IRD);
    }

    /** IRD digits, in groups joined by single spaces or dashes. */
    @Override
    DigitReach digitReach() {
        return DigitReach.SEPARATED_DIGITS;
    }

    @Override
    double score(Matcher match) {
        return IrdNumber.isValid(match.group()) ? 0.6 : -1;
    }
}
