package com.connekz.pipeline.redact.recognizers;

import com.connekz.pipeline.redact.EntityTypes;
import com.connekz.pipeline.redact.nz.NhiNumber;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** NZ NHI numbers in the old ({@code AAANNNC}) and new ({@code AAANNAX}) formats, check character valid. */
public final class NhiRecognizer extends PatternRecognizer {
    private static final Pattern NHI = Pattern.compile(
            "(?<![A-Za-z0-9])[A-HJ-NP-Za-hj-np-z]{3}\\d{2}(?:\\d{2}|[A-HJ-NP-Za-hj-np-z]{2})(?![A-Za-z0-9])");

    public NhiRecognizer() {
        super("nz_nhi", EntityTypes.NZ_NHI, NHI);
    }

    /** Three letters before the digits; the new format ends in two letters after them. */
    @Override
    DigitReach digitReach() {
        return new DigitReach(3, 2);
    }

    @Override
    double score(Matcher match) {
        return NhiNumber.isValid(match.group()) ? 0.85 : -1;
    }
}
