package com.connekz.pipeline.generate;

import java.util.random.RandomGenerator;

/**
 * A New Zealand phone number, written the many ways people write it, or read out the way speech
 * recognition transcribes it.
 *
 * @param prefix the national prefix with its leading zero: {@code 021}, {@code 027}, {@code 09}...
 * @param number the subscriber digits after the prefix
 */
record NzPhone(String prefix, String number) {
    private static final String[] MOBILE_PREFIXES = {"021", "021", "022", "027", "027", "029", "020"};
    private static final String[] AREA_CODES = {"03", "04", "06", "07", "09"};
    private static final String[] DIGIT_WORDS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};

    static NzPhone random(RandomGenerator random) {
        if (random.nextInt(4) > 0) {
            String prefix = MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)];
            return new NzPhone(prefix, digits(random, 2 + random.nextInt(8), random.nextInt(4) == 0 ? 6 : 7));
        }
        return new NzPhone(AREA_CODES[random.nextInt(AREA_CODES.length)], digits(random, 2 + random.nextInt(8), 7));
    }

    private static String digits(RandomGenerator random, int first, int count) {
        StringBuilder digits = new StringBuilder(count).append(first);
        for (int i = 1; i < count; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    boolean mobile() {
        return prefix.length() == 3;
    }

    /** The number as a person might type it: with or without +64, spaces, dashes or brackets. */
    String written(RandomGenerator random) {
        String head = number.substring(0, 3);
        String tail = number.substring(3);
        String international = prefix.substring(1);
        return switch (random.nextInt(9)) {
            case 0 -> prefix + " " + head + " " + tail;
            case 1 -> prefix + number;
            case 2 -> prefix + "-" + head + "-" + tail;
            case 3 -> "+64 " + international + " " + head + " " + tail;
            case 4 -> "+64" + international + number;
            case 5 -> "(" + prefix + ") " + head + " " + tail;
            case 6 -> "0064 " + international + " " + head + " " + tail;
            case 7 -> "+64 (0)" + international + " " + head + " " + tail;
            default -> "+64-" + international + "-" + head + "-" + tail;
        };
    }

    /** The number as speech recognition writes it out: "oh two one five five five, zero one nine nine". */
    String spoken(RandomGenerator random) {
        boolean international = random.nextInt(5) == 0;
        boolean sayOh = random.nextBoolean();
        StringBuilder words = new StringBuilder(64);
        if (international) {
            words.append("plus six four ");
            say(prefix.substring(1), sayOh, words);
        } else {
            say(prefix, sayOh, words);
        }
        words.append(random.nextBoolean() ? ", " : " ");
        say(number.substring(0, 3), sayOh, words);
        words.append(random.nextBoolean() ? ", " : " ");
        say(number.substring(3), random.nextBoolean(), words);
        return words.toString();
    }

    private static void say(String digits, boolean sayOh, StringBuilder words) {
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0) {
                words.append(' ');
            }
            int digit = digits.charAt(i) - '0';
            words.append(digit == 0 && sayOh ? "oh" : DIGIT_WORDS[digit]);
        }
    }
}
