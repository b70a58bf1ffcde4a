package com.connekz.pipeline.redact.nz;

import java.util.random.RandomGenerator;

/**
 * New Zealand IRD (tax) number: 8 or 9 digits, the last a modulus-11 check digit computed with the
 * weights 3,2,7,6,5,4,3,2 and, when that gives 10, again with 7,4,3,2,5,2,7,6 (a second 10 means the
 * base number is never issued). Issued numbers lie between 10,000,000 and 150,000,000.
 */
public final class IrdNumber {
    static final long LOWEST = 10_000_000L;
    static final long HIGHEST = 150_000_000L;
    private static final int[] PRIMARY = {3, 2, 7, 6, 5, 4, 3, 2};
    private static final int[] SECONDARY = {7, 4, 3, 2, 5, 2, 7, 6};

    private IrdNumber() {}

    /** Whether the text (digits, optionally grouped by spaces or dashes) is a valid IRD number. */
    public static boolean isValid(String text) {
        String digits = Digits.compact(text);
        if (digits == null || digits.length() < 8 || digits.length() > 9) {
            return false;
        }
        long value = Long.parseLong(digits);
        if (value < LOWEST || value > HIGHEST) {
            return false;
        }
        String nine = digits.length() == 8 ? "0" + digits : digits;
        int check = checkDigit(nine.substring(0, 8));
        return check >= 0 && check == Digits.at(nine, 8);
    }

    /** The check digit of an 8-digit base number, or -1 when the base number cannot carry one. */
    static int checkDigit(String base) {
        int check = modulus11(base, PRIMARY);
        if (check == 10) {
            check = modulus11(base, SECONDARY);
        }
        return check == 10 ? -1 : check;
    }

    private static int modulus11(String base, int[] weights) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += Digits.at(base, i) * weights[i];
        }
        int remainder = sum % 11;
        return remainder == 0 ? 0 : 11 - remainder;
    }

    /** A random valid IRD number in its printed form, {@code 123-456-789} or {@code 12-345-678}. */
    public static String random(RandomGenerator random) {
        while (true) {
            long base = random.nextLong(LOWEST / 10, HIGHEST / 10 + 1);
            String eight = String.format("%08d", base);
            int check = checkDigit(eight);
            if (check >= 0) {
                return format(Long.toString(base * 10 + check));
            }
        }
    }

    /** Groups 8 or 9 digits in threes from the right, as IRD prints them. */
    static String format(String digits) {
        int head = digits.length() - 6;
        return digits.substring(0, head) + "-" + digits.substring(head, head + 3) + "-" + digits.substring(head + 3);
    }
}
