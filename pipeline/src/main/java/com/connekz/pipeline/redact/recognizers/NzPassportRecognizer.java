package com.connekz.pipeline.redact.recognizers;

import com.connekz.pipeline.redact.EntityTypes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NZ passport numbers: one or two letters and six or seven digits (e.g. {@code LA123456}).
 * Context-gated like driver licences: only words such as "passport" lift it over the threshold.
 */
public final class NzPassportRecognizer extends PatternRecognizer {
    private static final Pattern PASSPORT = Pattern.compile("(?<![A-Za-z0-9])[A-Za-z]{1,2}\\d{6,7}(?![A-Za-z0-9])");

    public NzPassportRecognizer() {
        super("nz_passport", EntityTypes.NZ_PASSPORT, PASSPORT);
    }

    /** One or two letters before the digits. */
    @Override
    DigitReach digitReach() {
        return new DigitReach(2, 0);
    }

    @Override
    double score(Matcher match) {
        return 0.25;
    }
}
