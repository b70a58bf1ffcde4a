package com.connekz.pipeline.redact.recognizers;

import com.connekz.pipeline.redact.EntityTypes;
import com.connekz.pipeline.redact.nz.Nzbn;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** New Zealand Business Numbers: 13 digits starting 94 with a GS1 check digit. */
public final class NzbnRecognizer extends PatternRecognizer {
    private static final Pattern NZBN = Pattern.compile("(?<!\\d)94\\d{11}(?!\\d)");

    public NzbnRecognizer() {
        super("nzbn", EntityTypes.NZBN, NZBN);
    }

    @Override
    boolean mayMatch(String text) {
        return text.contains("94");
    }

    /** Thirteen digits in one run. */
    @Override
    DigitReach digitReach() {
        return new DigitReach(0, 0);
    }

    @Override
    double score(Matcher match) {
        return Nzbn.isValid(match.group()) ? 0.85 : -1;
    }
}
