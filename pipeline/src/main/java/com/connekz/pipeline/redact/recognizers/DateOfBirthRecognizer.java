package com.connekz.pipeline.redact.recognizers;

import com.connekz.pipeline.redact.EntityTypes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calendar dates in the usual written forms (12/03/1987, 1987-03-12, 12 March 1987, March 12th,
 * 1987). A date alone is not personal, so the base score is below the threshold; context words
 * such as "born", "DOB" or "birthday" lift it.
 */
public final class DateOfBirthRecognizer extends PatternRecognizer {
    private static final String MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
            + "|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
    private static final Pattern DATE = Pattern.compile("(?<![\\w/.-])(?:"
            + "(?:0?[1-9]|[12]\\d|3[01])[/.-](?:0?[1-9]|1[0-2])[/.-](?:19|20)?\\d\\d"
            + "|(?:19|20)\\d\\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])"
            + "|(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)? (?:of )?" + MONTH + ",? (?:19|20)\\d\\d"
            + "|" + MONTH + " (?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?,? (?:19|20)\\d\\d"
            + ")(?![\\w/-])", Pattern.CASE_INSENSITIVE);

    public DateOfBirthRecognizer() {
        super("date_of_birth", EntityTypes.DATE_OF_BIRTH, DATE);
    }

    @Override
    boolean mayMatch(String text) {
        return containsDigit(text);
    }

    @Override
    double score(Matcher match) {
        return 0.3;
    }
}
