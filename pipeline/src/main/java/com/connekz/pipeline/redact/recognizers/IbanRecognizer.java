package com.connekz.pipeline.redact.recognizers;

import com.connekz.pipeline.redact.EntityTypes;
import com.connekz.pipeline.redact.checksum.Iban;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** IBANs, compact or in groups of four, whose mod-97 check holds. */
public final class IbanRecognizer extends PatternRecognizer {
    private static final Pattern IBAN = Pattern.compile(
            "(?<![A-Za-z0-9])[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?(?![A-Za-z0-9])");

    public IbanRecognizer() {
        super("iban", EntityTypes.IBAN, IBAN);
    }

    /** Two letters before the check digits, then up to nine groups that may be all letters. */
    @Override
    DigitReach digitReach() {
        return new DigitReach(2, 40);
    }

    @Override
    double score(Matcher match) {
        return Iban.isValid(match.group()) ? 1.0 : -1;
    }
}
