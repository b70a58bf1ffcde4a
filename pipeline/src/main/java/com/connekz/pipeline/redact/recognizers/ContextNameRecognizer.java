package com.connekz.pipeline.redact.recognizers;

import com.connekz.pipeline.redact.Entity;
import com.connekz.pipeline.redact.EntityTypes;
import com.connekz.pipeline.redact.Recognizer;
import com.connekz.pipeline.redact.TextView;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Names announced by the words before them: introductions ("my name is", "Kia ora, I'm", "this is"),
 * greetings and sign-offs ("Dear", "Hi", "Cheers"), and titles ("Mr", "Dr", "Whaea"). After "my
 * name is" any word that is not a common word counts, even in lower case (speech transcripts);
 * after the weaker cues the word must be capitalised or a listed name.
 */
public final class ContextNameRecognizer implements Recognizer {
    private enum Strength { INTRODUCTION, WEAK_INTRODUCTION, GREETING, TITLE }

    private record Cue(String[] words, Strength strength) {
        static Cue of(String phrase, Strength strength) {
            return new Cue(phrase.split(" "), strength);
        }
    }

    private static final List<Cue> CUES = List.of(
            Cue.of("my name is", Strength.INTRODUCTION), Cue.of("my name s", Strength.INTRODUCTION),
            Cue.of("name is", Strength.INTRODUCTION), Cue.of("ko", Strength.WEAK_INTRODUCTION),
            Cue.of("i m", Strength.WEAK_INTRODUCTION), Cue.of("i am", Strength.WEAK_INTRODUCTION),
            Cue.of("this is", Strength.WEAK_INTRODUCTION), Cue.of("call me", Strength.INTRODUCTION),
            Cue.of("it s", Strength.WEAK_INTRODUCTION), Cue.of("speaking with", Strength.WEAK_INTRODUCTION),
            Cue.of("ask for", Strength.WEAK_INTRODUCTION), Cue.of("named", Strength.WEAK_INTRODUCTION),
            Cue.of("called", Strength.WEAK_INTRODUCTION),
            Cue.of("dear", Strength.GREETING), Cue.of("hi", Strength.GREETING), Cue.of("hello", Strength.GREETING),
            Cue.of("hey", Strength.GREETING), Cue.of("kia ora", Strength.GREETING), Cue.of("tēnā koe", Strength.GREETING),
            Cue.of("morena", Strength.GREETING), Cue.of("mōrena", Strength.GREETING), Cue.of("thanks", Strength.GREETING),
            Cue.of("cheers", Strength.GREETING), Cue.of("regards", Strength.GREETING), Cue.of("love", Strength.GREETING),
            Cue.of("mr", Strength.TITLE), Cue.of("mrs", Strength.TITLE), Cue.of("ms", Strength.TITLE),
            Cue.of("miss", Strength.TITLE), Cue.of("mx", Strength.TITLE), Cue.of("dr", Strength.TITLE),
            Cue.of("prof", Strength.TITLE), Cue.of("professor", Strength.TITLE), Cue.of("sir", Strength.TITLE),
            Cue.of("dame", Strength.TITLE), Cue.of("whaea", Strength.TITLE), Cue.of("matua", Strength.TITLE),
            Cue.of("aunty", Strength.TITLE), Cue.of("uncle", Strength.TITLE), Cue.of("nurse", Strength.TITLE));
    private static final Map<String, List<Cue>> CUES_BY_FIRST_WORD = CUES.stream()
            .collect(Collectors.groupingBy(cue -> cue.words()[0]));
    private static final int MAX_PARTS = 3;

    private final NameLists names;

    public ContextNameRecognizer(NameLists names) {
        this.names = names;
    }

    @Override
    public String name() {
        return "name_context";
    }

    @Override
    public Set<String> types() {
        return Set.of(EntityTypes.PERSON);
    }

    @Override
    public void recognize(TextView view, List<Entity> found) {
        int count = view.tokenCount();
        for (int i = 0; i < count; i++) {
            List<Cue> cues = CUES_BY_FIRST_WORD.get(view.lowerToken(i));
            if (cues == null) {
                continue;
            }
            for (Cue cue : cues) {
                if (!matches(view, i, cue.words())) {
                    continue;
                }
                int first = i + cue.words().length;
                int last = nameEnd(view, first, cue.strength());
                if (last >= first) {
                    found.add(new Entity(EntityTypes.PERSON, view.tokenStart(first), view.tokenEnd(last),
                            score(cue.strength()), name(), List.of(String.join(" ", cue.words()))));
                    i = last;
                    break;
                }
            }
        }
    }

    private static boolean matches(TextView view, int at, String[] words) {
        if (at + words.length >= view.tokenCount()) {
            return false;
        }
        for (int k = 0; k < words.length; k++) {
            if (!view.lowerToken(at + k).equals(words[k])) {
                return false;
            }
        }
        return true;
    }

    /** The last token of the name after the cue, or {@code first - 1} when no name follows. */
    private int nameEnd(TextView view, int first, Strength strength) {
        if (!acceptable(view, first, strength)) {
            return first - 1;
        }
        if (first > 0 && !gapIsSpaceOrComma(view, first - 1)) {
            return first - 1;
        }
        int last = first;
        while (last + 1 < view.tokenCount() && last - first + 1 < MAX_PARTS && NameParts.joined(view, last)
                && (view.capitalised(last + 1) || strength == Strength.INTRODUCTION && names.isName(view.lowerToken(last + 1)))
                && (!names.isCommonWord(view.lowerToken(last + 1)) || names.isSurname(view.lowerToken(last + 1)))) {
            last++;
        }
        return last;
    }

    private boolean acceptable(TextView view, int token, Strength strength) {
        String lower = view.lowerToken(token);
        if (!Character.isLetter(lower.charAt(0)) || lower.length() < 2) {
            return false;
        }
        if (isTitle(lower)) {
            return false;
        }
        boolean listed = names.isName(lower);
        boolean common = names.isCommonWord(lower);
        boolean capitalised = view.capitalised(token);
        return switch (strength) {
            case INTRODUCTION -> !common || listed && capitalised;
            case TITLE -> capitalised;
            case WEAK_INTRODUCTION, GREETING -> capitalised && (listed || !common) && !NOT_NAMES.contains(lower)
                    || listed && !common;
        };
    }

    /** Capitalised words that follow "this is", "hi", "and"... without being names. */
    private static final Set<String> NOT_NAMES = Set.of("i", "the", "it", "there", "team", "everyone", "all",
            "connekz", "sorry", "okay", "ok", "yes", "no", "thanks", "thank", "please", "what", "how", "why", "when",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
            "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
            "new", "zealand", "auckland", "wellington", "christchurch", "google", "microsoft", "apple");

    private static boolean isTitle(String lower) {
        List<Cue> cues = CUES_BY_FIRST_WORD.get(lower);
        return cues != null && cues.stream().anyMatch(cue -> cue.strength() == Strength.TITLE);
    }

    private static boolean gapIsSpaceOrComma(TextView view, int token) {
        int from = view.tokenEnd(token);
        int to = view.tokenStart(token + 1);
        if (to - from > 3) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = view.text().charAt(i);
            if (c != ' ' && c != ',' && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static double score(Strength strength) {
        return switch (strength) {
            case INTRODUCTION -> 0.9;
            case TITLE -> 0.85;
            case WEAK_INTRODUCTION -> 0.7;
            case GREETING -> 0.65;
        };
    }
}
