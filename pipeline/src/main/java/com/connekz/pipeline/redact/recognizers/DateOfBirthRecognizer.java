package com.connekz.pipeline.redact.recognizers;

import com.connekz.pipeline.redact.Entity;
import com.connekz.pipeline.redact.EntityTypes;
import com.connekz.pipeline.redact.TextView;
import java.util.List;
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
    private static final double WRITTEN_SCORE = 0.3;
    /**
     * Written dates need context; a full date spelled out in words ("the eleventh of August two
     * thousand and two") is what a caller says when asked their date of birth, so it counts alone.
     */
    private static final double SPOKEN_SCORE = 0.5;
    private static final String ORDINAL = "(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh"
            + "|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)";
    /** Days as speech recognition writes them: "the twenty first", "the eleventh". */
    private static final String SPOKEN_DAY = "(?:the )?(?:(?:twenty|thirty)[ -])?" + ORDINAL;
    private static final String UNIT = "(?:one|two|three|four|five|six|seven|eight|nine)";
    private static final String TENS = "(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
            + "|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -]" + UNIT + ")?|oh[ -]" + UNIT + ")";
    /** Years as spoken: "nineteen fifty eight", "two thousand and two", "twenty ten". */
    private static final String SPOKEN_YEAR = "(?:nineteen " + TENS + "|two thousand(?: and)?(?: " + UNIT + "| " + TENS + ")?|twenty " + TENS + ")";
    private static final Pattern DATE = Pattern.compile("(?<![\\w/.-])(?:"
            + "(?:0?[1-9]|[12]\\d|3[01])[/.-](?:0?[1-9]|1[0-2])[/.-](?:19|20)?\\d\\d"
            + "|(?:19|20)\\d\\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])"
            + "|(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)? (?:of )?" + MONTH + ",? (?:19|20)\\d\\d"
            + "|" + MONTH + " (?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?,? (?:19|20)\\d\\d"
            + ")(?![\\w/-])", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPOKEN_DATE = Pattern.compile(
            "(?<![\\w-])" + SPOKEN_DAY + " (?:of )?" + MONTH + ",? " + SPOKEN_YEAR + "(?![\\w-])", Pattern.CASE_INSENSITIVE);

    public DateOfBirthRecognizer() {
        super("date_of_birth", EntityTypes.DATE_OF_BIRTH, DATE);
    }

    /** Written dates hold digits and are searched in digit windows; spoken ones only when a year word appears. */
    @Override
    public void recognize(TextView text, List<Entity> found) {
        super.recognize(text, found);
        if (holdsYearWord(text)) {
            Matcher spoken = SPOKEN_DATE.matcher(text.text());
            while (spoken.find()) {
                found.add(new Entity(EntityTypes.DATE_OF_BIRTH, spoken.start(), spoken.end(), SPOKEN_SCORE, name()));
            }
        }
    }

    /** A month name before the day ("September 12"), or between day and year ("12th of September, 1987"). */
    @Override
    DigitReach digitReach() {
        return new DigitReach(10, 17);
    }

    private static boolean holdsYearWord(TextView text) {
        for (int t = 0; t < text.tokenCount(); t++) {
            String word = text.lowerToken(t);
            if (word.equals("nineteen") || word.equals("thousand") || word.equals("twenty")) {
                return true;
            }
        }
        return false;
    }

    @Override
    double score(Matcher match) {
        return WRITTEN_SCORE;
    }
}
