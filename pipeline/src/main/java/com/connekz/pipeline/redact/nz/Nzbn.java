package com.connekz.pipeline.redact.nz;

import com.connekz.pipeline.redact.checksum.Gs1;
import java.util.random.RandomGenerator;

/**
 * New Zealand Business Number: a 13-digit GS1 global location number under New Zealand's GS1
 * prefix (NZBNs are issued as {@code 9429...}), the last digit a GS1 modulus-10 check digit.
 */
public final class Nzbn {
    static final String PREFIX = "94";

    private Nzbn() {}

    /** Whether the text is 13 digits (spaces or dashes allowed) starting 94 with a valid check digit. */
    public static boolean isValid(String text) {
        String digits = Digits.compact(text);
        return digits != null && digits.length() == 13 && digits.startsWith(PREFIX) && Gs1.isValid(digits);
    }

    /** A random valid NZBN in its printed form: 13 digits in a row starting {@code 9429}. */
    public static String random(RandomGenerator random) {
        String body = "9429" + Digits.random(random, 8);
        return body + Gs1.checkDigit(body);
    }
}
