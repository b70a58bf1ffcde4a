package com.connekz.pipeline.redact.recognizers;

import com.connekz.pipeline.redact.Entity;
import com.connekz.pipeline.redact.EntityTypes;
import com.connekz.pipeline.redact.Recognizer;
import com.connekz.pipeline.redact.RedactionPolicy;
import com.connekz.pipeline.redact.TextView;
import com.connekz.pipeline.redact.ner.EntityType;
import com.connekz.pipeline.redact.ner.NameFinder;
import java.util.List;
import java.util.Set;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.Span;

/**
 * Persons, locations and organisations found by the shipped OpenNLP name-finder model, sentence by
 * sentence. Names come from every label sequence the beam keeps ({@link NameFinder}), so a name a
 * close runner-up holds still counts, scored 0.4 + 0.5 × the probability that holds it (names
 * under {@value #MIN_PROBABILITY} are not reported). The model is the costliest recognizer by far;
 * the policy may limit it to sentences with a name candidate ({@link #hasNameCandidate}) or with a
 * capitalised word the gazetteer and word lists do not already explain ({@link #hasInnerCapital}),
 * trading recall for speed.
 */
public final class OpenNlpNameRecognizer implements Recognizer {
    private static final int MAX_SENTENCE_TOKENS = 80;
    /** Names held by less of the beam's probability are not reported at all. */
    static final double MIN_PROBABILITY = 0.15;
    private static final double SCORE_AT_NO_PROBABILITY = 0.4;
    private static final double SCORE_PER_PROBABILITY = 0.5;
    private final NameFinder finder;
    private final String scope;

    /**
     * @param scope which sentences the model reads: {@link RedactionPolicy#EVERY_SENTENCE} (best recall),
     *              {@link RedactionPolicy#NAME_CANDIDATES} (every sentence of uncapitalised text, else
     *              only sentences with a name candidate) or {@link RedactionPolicy#UNEXPLAINED_CAPITALS}
     *              (only sentences with a capitalised word nothing else explains; fastest, lowest recall)
     */
    public OpenNlpNameRecognizer(TokenNameFinderModel model, String scope) {
        this.finder = new NameFinder(model, MIN_PROBABILITY);
        this.scope = scope;
    }

    @Override
    public String name() {
        return "opennlp";
    }

    @Override
    public Set<String> types() {
        return Set.of(EntityTypes.PERSON, EntityTypes.LOCATION, EntityTypes.ORGANIZATION);
    }

    @Override
    public void recognize(TextView view, List<Entity> found) {
        String text = view.text();
        Span[] tokens = SimpleTokenizer.INSTANCE.tokenizePos(text);
        boolean readAll = scope.equals(RedactionPolicy.EVERY_SENTENCE)
                || scope.equals(RedactionPolicy.NAME_CANDIDATES) && !view.hasCapital();
        int sentenceStart = 0;
        for (int i = 0; i < tokens.length; i++) {
            boolean last = i == tokens.length - 1;
            if (last || endsSentence(text, tokens[i]) || i - sentenceStart + 1 >= MAX_SENTENCE_TOKENS) {
                if (readAll || worthReading(text, tokens, sentenceStart, i + 1)) {
                    find(text, tokens, sentenceStart, i + 1, found);
                }
                sentenceStart = i + 1;
            }
        }
    }

    private boolean worthReading(String text, Span[] tokens, int from, int to) {
        return scope.equals(RedactionPolicy.NAME_CANDIDATES)
                ? hasNameCandidate(text, tokens, from, to)
                : hasInnerCapital(text, tokens, from, to);
    }

    private void find(String text, Span[] tokens, int from, int to, List<Entity> found) {
        String[] words = new String[to - from];
        for (int i = from; i < to; i++) {
            words[i - from] = tokens[i].getCoveredText(text).toString();
        }
        for (Span name : finder.find(words)) {
            String type = EntityType.fromModelName(name.getType()).map(Enum::name).orElse(null);
            if (type == null) {
                continue;
            }
            int start = tokens[from + name.getStart()].getStart();
            int end = tokens[from + name.getEnd() - 1].getEnd();
            while (start < end && !TextView.isWordChar(text.charAt(start))) {
                start++;
            }
            while (end > start && !TextView.isWordChar(text.charAt(end - 1))) {
                end--;
            }
            if (end <= start || !holdsLetter(text, start, end)
                    || EntityTypes.PERSON.equals(type) && onlyNeverNames(text.substring(start, end))) {
                continue;
            }
            if (EntityTypes.PERSON.equals(type)) {
                start = afterLeadingRoles(text, start, end);
            }
            found.add(new Entity(type, start, end, score(name.getProb()), name()));
        }
    }

    /** At most 0.9, below the validated patterns (addresses, dates) that a name inside them must not outrank. */
    static double score(double probability) {
        return SCORE_AT_NO_PROBABILITY + SCORE_PER_PROBABILITY * Math.min(1, probability);
    }

    /** A name has letters; the model sometimes labels a number next to a name ("Samuel Cummings, +64-29-349-9061"). */
    private static boolean holdsLetter(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (Character.isLetter(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Role words the model tends to take for names when they stand where a name would. */
    private static final Set<String> ROLES = Set.of("dr", "mr", "mrs", "ms", "miss", "patient", "customer", "caller",
            "client", "nurse", "doctor", "agent", "sir", "madam");

    /** Greetings the model takes for the start of the name after them ("Kia ora Isla"). */
    private static final Set<String> GREETINGS = Set.of("kia", "ora", "tēnā", "tena", "koe", "koutou", "kōrua", "korua",
            "mōrena", "morena", "hi", "hello", "hey", "dear");

    /**
     * The start of the name without the titles, roles and greetings before it ("Dr Anahera Smith" and
     * "Kia ora Anahera Smith" give "Anahera Smith"; "Te Ao" keeps its "Te").
     */
    private static int afterLeadingRoles(String text, int start, int end) {
        TextView words = new TextView(text.substring(start, end));
        int token = 0;
        while (token < words.tokenCount() - 1
                && (ROLES.contains(words.lowerToken(token)) || GREETINGS.contains(words.lowerToken(token)))) {
            token++;
        }
        return token == 0 ? start : start + words.tokenStart(token);
    }

    /** Whether every word of the span is a greeting, a role or title: "Kia ora", "Dr", "Customer". */
    private static boolean onlyNeverNames(String span) {
        TextView words = new TextView(span);
        for (int i = 0; i < words.tokenCount(); i++) {
            String word = words.lowerToken(i);
            if (!NameLists.shared().isNeverName(word) && !ROLES.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the sentence holds a capitalised word after its first that nothing else explains: not
     * "I", not an acronym, not a listed name (the gazetteer finds those), not a common word or a
     * known New Zealand place. Only such sentences can give the model something new to find.
     */
    private static boolean hasInnerCapital(String text, Span[] tokens, int from, int to) {
        NameLists names = NameLists.shared();
        for (int i = from + 1; i < to; i++) {
            char first = text.charAt(tokens[i].getStart());
            if (!Character.isUpperCase(first) || tokens[i].length() < 2) {
                continue;
            }
            String word = tokens[i].getCoveredText(text).toString();
            if (word.equals(word.toUpperCase(java.util.Locale.ROOT))) {
                continue;
            }
            String lower = word.toLowerCase(java.util.Locale.ROOT);
            if (!names.isName(lower) && !names.isCommonWord(lower) && !names.isPlaceWord(lower) && !names.isNeverName(lower)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the sentence holds a capitalised word after its first (names, places, acronyms of
     * organisations) or a listed first name or surname that is not also a common word. In text that
     * uses capitals, a sentence without either holds no name the model finds often enough to be
     * worth reading.
     */
    private static boolean hasNameCandidate(String text, Span[] tokens, int from, int to) {
        NameLists names = NameLists.shared();
        for (int i = from; i < to; i++) {
            int start = tokens[i].getStart();
            if (tokens[i].length() < 2 || !Character.isLetter(text.charAt(start))) {
                continue;
            }
            if (i > from && Character.isUpperCase(text.charAt(start))) {
                return true;
            }
            String lower = text.substring(start, tokens[i].getEnd()).toLowerCase(java.util.Locale.ROOT);
            if (names.isName(lower) && !names.isCommonWord(lower)) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsSentence(String text, Span token) {
        if (token.length() != 1) {
            return false;
        }
        char c = text.charAt(token.getStart());
        return c == '.' || c == '!' || c == '?' || c == '\n';
    }
}
