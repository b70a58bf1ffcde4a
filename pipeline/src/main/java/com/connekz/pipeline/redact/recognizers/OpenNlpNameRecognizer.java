package com.connekz.pipeline.redact.recognizers;

import com.connekz.pipeline.redact.Entity;
import com.connekz.pipeline.redact.EntityTypes;
import com.connekz.pipeline.redact.Recognizer;
import com.connekz.pipeline.redact.TextView;
import com.connekz.pipeline.redact.ner.EntityType;
import java.util.List;
import java.util.Set;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.Span;

/**
 * Persons, locations and organisations found by the shipped OpenNLP name-finder model, sentence by
 * sentence. The model is shared; each thread gets its own {@link NameFinderME}, which is not
 * thread-safe. The model is the costliest recognizer by far; the policy may limit it to sentences
 * with a capitalised word that the gazetteer and word lists do not already explain (see
 * {@link #hasInnerCapital}), trading recall on lower-case text for speed.
 */
public final class OpenNlpNameRecognizer implements Recognizer {
    private static final int MAX_SENTENCE_TOKENS = 80;
    private final ThreadLocal<NameFinderME> finders;
    private final boolean everySentence;

    /**
     * @param everySentence read every sentence (best recall), or only sentences with a capitalised
     *                      word nothing else explains (several times faster, lower recall on
     *                      lower-case text such as tweets and transcripts)
     */
    public OpenNlpNameRecognizer(TokenNameFinderModel model, boolean everySentence) {
        this.finders = ThreadLocal.withInitial(() -> new NameFinderME(model));
        this.everySentence = everySentence;
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
        NameFinderME finder = finders.get();
        int sentenceStart = 0;
        for (int i = 0; i < tokens.length; i++) {
            boolean last = i == tokens.length - 1;
            if (last || endsSentence(text, tokens[i]) || i - sentenceStart + 1 >= MAX_SENTENCE_TOKENS) {
                find(finder, text, tokens, sentenceStart, i + 1, found);
                sentenceStart = i + 1;
            }
        }
        finder.clearAdaptiveData();
    }

    private void find(NameFinderME finder, String text, Span[] tokens, int from, int to, List<Entity> found) {
        if (!everySentence && !hasInnerCapital(text, tokens, from, to)) {
            return;
        }
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
            if (end <= start || EntityTypes.PERSON.equals(type) && onlyNeverNames(text.substring(start, end))) {
                continue;
            }
            if (EntityTypes.PERSON.equals(type)) {
                start = afterLeadingRoles(text, start, end);
            }
            found.add(new Entity(type, start, end, 0.4 + 0.5 * name.getProb(), name()));
        }
    }

    /** Role words the model tends to take for names when they stand where a name would. */
    private static final Set<String> ROLES = Set.of("dr", "mr", "mrs", "ms", "miss", "patient", "customer", "caller",
            "client", "nurse", "doctor", "agent", "sir", "madam");

    /** The start of the name without the titles and roles before it ("Dr Anahera Smith" gives "Anahera Smith"). */
    private static int afterLeadingRoles(String text, int start, int end) {
        TextView words = new TextView(text.substring(start, end));
        int token = 0;
        while (token < words.tokenCount() - 1 && ROLES.contains(words.lowerToken(token))) {
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

    private static boolean endsSentence(String text, Span token) {
        if (token.length() != 1) {
            return false;
        }
        char c = text.charAt(token.getStart());
        return c == '.' || c == '!' || c == '?' || c == '\n';
    }
}
