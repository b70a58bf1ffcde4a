package com.connekz.pipeline.redact.recognizers;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.regex.Pattern;

/**
 * How a number was written, which says how likely it is a phone number when its range is not one
 * libphonenumber knows as allocated. Read from the raw text: {@code findNumbers} does not keep the
 * country code's source.
 */
final class PhoneNumbers {
    static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Pattern DATE_SHAPED = Pattern.compile("\\(?\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}\\)?");

    private PhoneNumbers() {}

    /** Written with its country code: after a plus ("+64 27 ...") or New Zealand's international prefix ("0064 ..."). */
    static boolean writtenInternationally(String raw) {
        String number = raw.startsWith("(") ? raw.substring(1) : raw;
        return number.startsWith("+")
                || number.length() > 2 && number.startsWith("00") && number.charAt(2) >= '1' && number.charAt(2) <= '9';
    }

    /**
     * Dialled as in New Zealand: a trunk zero and an area or mobile prefix (02 to 09) and a length
     * New Zealand numbers have, grouped or not. To a reader "022 907 814" and "027923142" are mobile
     * numbers whether or not their ranges are allocated; redacting one that is not costs little.
     * Shapes of a date ("03-05-2024") are not.
     */
    static boolean dialledInNewZealand(PhoneNumber number, String raw) {
        if (number.getCountryCode() != 64 || writtenInternationally(raw) || DATE_SHAPED.matcher(raw).matches()) {
            return false;
        }
        String digits = raw.replaceAll("\\D", "");
        return digits.length() >= 2 && digits.charAt(0) == '0' && digits.charAt(1) >= '2' && digits.charAt(1) <= '9'
                && UTIL.isPossibleNumber(number);
    }
}
