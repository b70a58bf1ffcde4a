package com.connekz.pipeline.generate;

import java.time.LocalDate;

/** Dates as speech recognition writes them out: "the fourteenth of March nineteen eighty seven". */
final class SpokenDates {
    private static final String[] ORDINALS = {"", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
            "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
            "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty first", "twenty second", "twenty third",
            "twenty fourth", "twenty fifth", "twenty sixth", "twenty seventh", "twenty eighth", "twenty ninth",
            "thirtieth", "thirty first"};
    private static final String[] MONTHS = {"", "January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December"};
    private static final String[] ONES = {"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};

    private SpokenDates() {}

    static String spoken(LocalDate date) {
        return "the " + ORDINALS[date.getDayOfMonth()] + " of " + MONTHS[date.getMonthValue()] + " " + year(date.getYear());
    }

    private static String year(int year) {
        if (year >= 2000 && year < 2010) {
            return "two thousand" + (year == 2000 ? "" : " and " + ONES[year - 2000]);
        }
        return twoDigits(year / 100) + " " + (year % 100 < 10 ? "oh " + ONES[year % 100] : twoDigits(year % 100));
    }

    private static String twoDigits(int n) {
        if (n < 20) {
            return ONES[n];
        }
        return TENS[n / 10] + (n % 10 == 0 ? "" : " " + ONES[n % 10]);
    }
}
