package com.connekz.pipeline.redact.recognizers;

import com.connekz.pipeline.redact.Entity;
import com.connekz.pipeline.redact.EntityTypes;
import com.connekz.pipeline.redact.Recognizer;
import com.connekz.pipeline.redact.TextView;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.List;
import java.util.Set;

/**
 * Phone numbers via libphonenumber: numbers valid in New Zealand as dialled there, and numbers of
 * any country written with their international prefix.
 */
public final class PhoneRecognizer implements Recognizer {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final int MIN_DIGITS = 6;

    @Override
    public String name() {
        return "phone";
    }

    @Override
    public Set<String> types() {
        return Set.of(EntityTypes.PHONE_NUMBER);
    }

    @Override
    public void recognize(TextView text, List<Entity> found) {
        if (digitCount(text.text()) < MIN_DIGITS) {
            return;
        }
        for (PhoneNumberMatch match : PHONES.findNumbers(text.text(), "NZ", PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
            found.add(new Entity(EntityTypes.PHONE_NUMBER, match.start(), match.end(), 0.75, name()));
        }
    }

    private static int digitCount(String text) {
        int count = 0;
        for (int i = 0; i < text.length() && count < MIN_DIGITS; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                count++;
            }
        }
        return count;
    }
}
