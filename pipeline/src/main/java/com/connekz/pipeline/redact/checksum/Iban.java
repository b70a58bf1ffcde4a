package com.connekz.pipeline.redact.checksum;

import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/** International Bank Account Number: country code, two check digits (ISO 7064 mod 97-10), BBAN. */
public final class Iban {
    /** Lengths of the countries whose IBANs test data uses; validation accepts any country 15..34 long. */
    private static final Map<String, Integer> SAMPLE_LENGTHS = Map.of(
            "GB", 22, "DE", 22, "FR", 27, "NL", 18, "IE", 22, "ES", 24, "IT", 27, "BE", 16, "CH", 21);
    private static final int MIN_LENGTH = 15;
    private static final int MAX_LENGTH = 34;

    private Iban() {}

    /** Whether the text (spaces allowed, case-insensitive) is a well-formed IBAN with valid check digits. */
    public static boolean isValid(String text) {
        if (text == null) {
            return false;
        }
        String iban = text.replace(" ", "").toUpperCase(Locale.ROOT);
        if (iban.length() < MIN_LENGTH || iban.length() > MAX_LENGTH) {
            return false;
        }
        if (!Character.isLetter(iban.charAt(0)) || !Character.isLetter(iban.charAt(1))
                || !isDigit(iban.charAt(2)) || !isDigit(iban.charAt(3))) {
            return false;
        }
        for (int i = 4; i < iban.length(); i++) {
            char c = iban.charAt(i);
            if (!isDigit(c) && (c < 'A' || c > 'Z')) {
                return false;
            }
        }
        return mod97(iban.substring(4) + iban.substring(0, 4)) == 1;
    }

    private static int mod97(String rearranged) {
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            if (isDigit(c)) {
                remainder = (remainder * 10 + (c - '0')) % 97;
            } else {
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            }
        }
        return remainder;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A random valid IBAN of a common European country, printed in groups of four. */
    public static String random(RandomGenerator random) {
        String[] countries = SAMPLE_LENGTHS.keySet().stream().sorted().toArray(String[]::new);
        String country = countries[random.nextInt(countries.length)];
        StringBuilder bban = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            bban.append((char) ('A' + random.nextInt(26)));
        }
        while (bban.length() < SAMPLE_LENGTHS.get(country) - 4) {
            bban.append(random.nextInt(10));
        }
        int check = 98 - mod97(bban + country + "00");
        String iban = country + String.format("%02d", check) + bban;
        StringBuilder printed = new StringBuilder();
        for (int i = 0; i < iban.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                printed.append(' ');
            }
            printed.append(iban.charAt(i));
        }
        return printed.toString();
    }
}
