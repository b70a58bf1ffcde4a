package com.connekz.pipeline.redact.checksum;

/** GS1 modulus-10 check digit (GTIN, GLN, NZBN): weights 3 and 1 alternating from the right. */
public final class Gs1 {
    private Gs1() {}

    /** The check digit that completes {@code body} (digits only). */
    public static int checkDigit(CharSequence body) {
        int sum = 0;
        for (int i = body.length() - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (body.charAt(i) - '0') * weight;
        }
        return (10 - sum % 10) % 10;
    }

    /** Whether the digits end in their GS1 check digit. */
    public static boolean isValid(CharSequence digits) {
        int last = digits.length() - 1;
        return last > 0 && checkDigit(digits.subSequence(0, last)) == digits.charAt(last) - '0';
    }
}
