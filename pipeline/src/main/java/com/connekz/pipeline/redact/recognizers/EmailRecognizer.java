package com.connekz.pipeline.redact.recognizers;

import com.connekz.pipeline.redact.EntityTypes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Email addresses: a local part (letters of any script: "rené@"), {@code @}, and a domain with at least one dot and a letter TLD. */
public final class EmailRecognizer extends PatternRecognizer {
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.%+-])[\\w.%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){0,6}\\.[A-Za-z]{2,24}(?![\\w-])",
            Pattern.UNICODE_CHARACTER_CLASS);

    public EmailRecognizer() {
        super("email", EntityTypes.EMAIL_ADDRESS, EMAIL);
    }

    @Override
    boolean mayMatch(String text) {
        return text.indexOf('@') >= 0;
    }

    @Override
    double score(Matcher match) {
        return match.group().startsWith(".") ? -1 : 1.0;
    }
}
