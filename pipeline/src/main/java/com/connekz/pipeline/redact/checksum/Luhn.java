package com.connekz.pipeline.redact.checksum;

import java.util.random.RandomGenerator;

/** The Luhn (mod-10) check used by payment card numbers, and valid card numbers for test data. */
public final class Luhn {
    private static final String[] CARD_PREFIXES = {"4", "51", "52", "53", "54", "55", "2221", "34", "37", "6011"};

    private Luhn() {}

    /** Whether the digits of {@code text} (other characters ignored) pass the Luhn check. */
    public static boolean isValid(CharSequence text) {
        int sum = 0;
        int count = 0;
        for (int i = text.length() - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                continue;
            }
            int digit = c - '0';
            if (count % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            count++;
        }
        return count > 1 && sum % 10 == 0;
    }

    /** The digit that makes {@code body} followed by it pass the Luhn check. */
    public static int checkDigit(CharSequence body) {
        for (int digit = 0; digit < 10; digit++) {
            if (isValid(body.toString() + digit)) {
                return digit;
            }
        }
        throw new IllegalStateException("unreachable: one of ten digits always completes a Luhn body");
    }

    /** A random Luhn-valid card number of a common issuer, printed in groups of four. */
    public static String randomCardNumber(RandomGenerator random) {
        String prefix = CARD_PREFIXES[random.nextInt(CARD_PREFIXES.length)];
        int length = prefix.startsWith("3") ? 15 : 16;
        StringBuilder body = new StringBuilder(prefix);
        while (body.length() < length - 1) {
            body.append(random.nextInt(10));
        }
        body.append(checkDigit(body));
        StringBuilder printed = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                printed.append(' ');
            }
            printed.append(body.charAt(i));
        }
        return printed.toString();
    }
}
