package com.connekz.pipeline.redact.recognizers;

import com.connekz.pipeline.redact.Entity;
import com.connekz.pipeline.redact.EntityTypes;
import com.connekz.pipeline.redact.Recognizer;
import com.connekz.pipeline.redact.TextView;
import java.util.List;
import java.util.Set;

/**
 * Person names from the first-name and surname lists: a capitalised listed word, extended over the
 * capitalised words right after it ("Aroha Ngata", "Mere Te Huia"). A full name scores high; a lone
 * name less; a lone name that is also a common word ("Grace", "Will") stays below the threshold
 * unless context lifts it.
 */
public final class GazetteerNameRecognizer implements Recognizer {
    private static final int MAX_EXTRA_PARTS = 3;
    /** Words that some name lists hold but that are never a name when they start a span. */
    private static final Set<String> FUNCTION_WORDS = Set.of("my", "i", "me", "you", "your", "he", "she", "we", "they",
            "it", "the", "a", "an", "and", "or", "but", "so", "if", "in", "on", "at", "to", "of", "for", "by", "with",
            "is", "am", "are", "was", "be", "do", "no", "yes", "ok", "hi", "hey", "dear", "thanks", "our", "his", "her");
    private final NameLists names;

    public GazetteerNameRecognizer(NameLists names) {
        this.names = names;
    }

    @Override
    public String name() {
        return "name_gazetteer";
    }

    @Override
    public Set<String> types() {
        return Set.of(EntityTypes.PERSON);
    }

    @Override
    public void recognize(TextView view, List<Entity> found) {
        int count = view.tokenCount();
        for (int i = 0; i < count; i++) {
            if (!candidate(view, i)) {
                continue;
            }
            String lower = view.lowerToken(i);
            if (!names.isName(lower) || FUNCTION_WORDS.contains(lower) || isGreeting(view, i)) {
                continue;
            }
            int last = i;
            while (last + 1 < count && last - i < MAX_EXTRA_PARTS && NameParts.joined(view, last)
                    && candidate(view, last + 1) && continues(view, i, last + 1)) {
                last++;
            }
            found.add(new Entity(EntityTypes.PERSON, view.tokenStart(i), view.tokenEnd(last), score(view, i, last), name()));
            i = last;
        }
    }

    /**
     * Whether a capitalised word extends the name begun at {@code first}: a listed name always does;
     * after a listed first name that is not a common word, any capitalised non-common word does
     * (an unlisted surname); acronyms never do ("My IRD").
     */
    private boolean continues(TextView view, int first, int token) {
        String lower = view.lowerToken(token);
        if (isAcronym(view, token) && !isAcronym(view, first)) {
            return false;
        }
        if (names.isName(lower) || NameParts.isParticle(lower)) {
            return !names.isCommonWord(view.lowerToken(first)) || names.isSurname(lower);
        }
        String start = view.lowerToken(first);
        return names.isFirstName(start) && !names.isCommonWord(start) && !names.isCommonWord(lower);
    }

    private static boolean isAcronym(TextView view, int token) {
        for (int i = view.tokenStart(token); i < view.tokenEnd(token); i++) {
            if (Character.isLowerCase(view.text().charAt(i))) {
                return false;
            }
        }
        return view.tokenEnd(token) - view.tokenStart(token) > 1;
    }

    /** "Kia ora" and "Tēnā koe" greet; "Kia" is also a first name. */
    private static boolean isGreeting(TextView view, int token) {
        return view.lowerToken(token).equals("kia") && token + 1 < view.tokenCount()
                && view.lowerToken(token + 1).equals("ora");
    }

    private double score(TextView view, int first, int last) {
        if (last > first) {
            boolean allCommon = true;
            for (int t = first; t <= last; t++) {
                allCommon &= names.isCommonWord(view.lowerToken(t));
            }
            return allCommon ? 0.45 : 0.85;
        }
        String lower = view.lowerToken(first);
        if (names.isCommonWord(lower)) {
            return 0.3;
        }
        if (view.startsSentence(first)) {
            return names.isFirstName(lower) ? 0.55 : 0.4;
        }
        return names.isFirstName(lower) ? 0.7 : 0.6;
    }

    private static boolean candidate(TextView view, int token) {
        return view.tokenEnd(token) - view.tokenStart(token) >= 2 && view.capitalised(token)
                && Character.isLetter(view.text().charAt(view.tokenStart(token)));
    }
}
