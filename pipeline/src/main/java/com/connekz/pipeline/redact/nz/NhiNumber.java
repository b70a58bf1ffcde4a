package com.connekz.pipeline.redact.nz;

import java.util.random.RandomGenerator;

/**
 * New Zealand National Health Index number per HISO 10046:2023. Old format {@code AAANNNC}: three
 * letters, three digits and a modulus-11 check digit. New format {@code AAANNAX}: three letters, two
 * digits, a letter and a modulus-23 check letter. Letters I and O are never used; letters count
 * A=1 .. Z=24 without them, and the first six characters are weighted 7,6,5,4,3,2.
 */
public final class NhiNumber {
    /** The 24 letters an NHI may use, in the order that gives their values 1..24. */
    static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";

    private NhiNumber() {}

    /** Whether the text (case-insensitive, exactly seven characters) is a valid NHI number. */
    public static boolean isValid(String text) {
        if (text == null || text.length() != 7) {
            return false;
        }
        String nhi = text.toUpperCase(java.util.Locale.ROOT);
        for (int i = 0; i < 3; i++) {
            if (letterValue(nhi.charAt(i)) < 0) {
                return false;
            }
        }
        if (!isDigit(nhi.charAt(3)) || !isDigit(nhi.charAt(4))) {
            return false;
        }
        if (isDigit(nhi.charAt(5)) && isDigit(nhi.charAt(6))) {
            int check = oldCheckDigit(nhi);
            return check >= 0 && check == nhi.charAt(6) - '0';
        }
        if (letterValue(nhi.charAt(5)) > 0 && letterValue(nhi.charAt(6)) > 0) {
            return newCheckLetter(nhi) == nhi.charAt(6);
        }
        return false;
    }

    /** The old format's check digit of the first six characters, or -1 when none exists. */
    static int oldCheckDigit(String nhi) {
        int remainder = weightedSum(nhi) % 11;
        if (remainder == 0) {
            return -1;
        }
        return (11 - remainder) % 10;
    }

    /** The new format's check letter of the first six characters. */
    static char newCheckLetter(String nhi) {
        int check = 23 - weightedSum(nhi) % 23;
        return LETTERS.charAt(check - 1);
    }

    private static int weightedSum(String nhi) {
        int sum = 0;
        for (int i = 0; i < 6; i++) {
            char c = nhi.charAt(i);
            sum += (isDigit(c) ? c - '0' : letterValue(c)) * (7 - i);
        }
        return sum;
    }

    private static int letterValue(char c) {
        int index = LETTERS.indexOf(c);
        return index < 0 ? -1 : index + 1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A random valid NHI, in the new format or the old one with equal odds, upper case. */
    public static String random(RandomGenerator random) {
        return random.nextBoolean() ? randomNewFormat(random) : randomOldFormat(random);
    }

    public static String randomOldFormat(RandomGenerator random) {
        while (true) {
            String head = letters(random, 3) + Digits.random(random, 3);
            int check = oldCheckDigit(head);
            if (check >= 0) {
                return head + check;
            }
        }
    }

    public static String randomNewFormat(RandomGenerator random) {
        String head = letters(random, 3) + Digits.random(random, 2) + letters(random, 1);
        return head + newCheckLetter(head);
    }

    private static String letters(RandomGenerator random, int count) {
        StringBuilder letters = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            letters.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return letters.toString();
    }
}
