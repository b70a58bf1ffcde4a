package com.connekz.pipeline.redact.recognizers;

import com.connekz.pipeline.redact.Entity;
import com.connekz.pipeline.redact.EntityTypes;
import com.connekz.pipeline.redact.Recognizer;
import com.connekz.pipeline.redact.TextView;
import java.util.List;
import java.util.Set;

/**
 * The last net for names: a capitalised word inside a sentence that is neither an ordinary English
 * word ({@link OrdinaryWords}) nor a common word, a greeting or a calendar word is a name of some kind
 * ("Leyonhjelm", "Ngāruawāhia", "Tamahori") even when no list or model knows it. It is typed
 * {@code UNKNOWN_NAME}, not PERSON, since it may as well name a place, a firm or a product; where the
 * name finder or the gazetteer types the word, their finding wins ({@code TypedNamesFirst}). Not a
 * name: the first word of a sentence, an acronym in capitals, a hashtag, a word with a digit.
 */
public final class UnknownNameRecognizer implements Recognizer {
    private static final double SCORE = 0.55;
    private static final Set<String> CALENDAR = Set.of("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
            "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays");

    private final OrdinaryWords ordinary;
    private final NameLists names;

    public UnknownNameRecognizer(OrdinaryWords ordinary, NameLists names) {
        this.ordinary = ordinary;
        this.names = names;
    }

    @Override
    public String name() {
        return "unknown_name";
    }

    @Override
    public Set<String> types() {
        return Set.of(EntityTypes.UNKNOWN_NAME);
    }

    @Override
    public void recognize(TextView view, List<Entity> found) {
        String text = view.text();
        for (int t = 0; t < view.tokenCount(); t++) {
            int start = view.tokenStart(t);
            if (!view.capitalised(t) || view.tokenEnd(t) - start < 2 || view.startsSentence(t)
                    || start > 0 && (text.charAt(start - 1) == '#' || text.charAt(start - 1) == '@')) {
                continue;
            }
            String lower = view.lowerToken(t);
            if (isAcronymOrHasDigit(text, start, view.tokenEnd(t)) || ordinary.contains(lower)
                    || names.isCommonWord(lower) || names.isNeverName(lower) || CALENDAR.contains(lower)) {
                continue;
            }
            found.add(new Entity(EntityTypes.UNKNOWN_NAME, start, view.tokenEnd(t), SCORE, name()));
        }
    }

    private static boolean isAcronymOrHasDigit(String text, int start, int end) {
        boolean lowerCase = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                return true;
            }
            lowerCase |= Character.isLowerCase(c);
        }
        return !lowerCase;
    }
}
