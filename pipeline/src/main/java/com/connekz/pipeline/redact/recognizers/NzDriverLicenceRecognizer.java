package com.connekz.pipeline.redact.recognizers;

import com.connekz.pipeline.redact.EntityTypes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NZ driver licence numbers: two letters and six digits (e.g. {@code DL123456}). The format alone
 * is too common to trust, so the base score is below every threshold: only context words such as
 * "licence" or "driver" lift it.
 */
public final class NzDriverLicenceRecognizer extends PatternRecognizer {
    private static final Pattern LICENCE = Pattern.compile("(?<![A-Za-z0-9])[A-Za-z]{2}\\d{6}(?![A-Za-z0-9])");

    public NzDriverLicenceRecognizer() {
        super("nz_driver_licence", EntityTypes.NZ_DRIVER_LICENCE, LICENCE);
    }

    /** Two letters before the digits. */
    @Override
    DigitReach digitReach() {
        return new DigitReach(2, 0);
    }

    @Override
    double score(Matcher match) {
        return 0.3;
    }
}
