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
 * thread-safe. Sentences without a capitalised word after their first are skipped: the model finds
 * next to nothing in them and they are most of the cost.
 */
public final class OpenNlpNameRecognizer implements Recognizer {
    private static final int MAX_SENTENCE_TOKENS = 80;
    private final ThreadLocal<NameFinderME> finders;

    public OpenNlpNameRecognizer(TokenNameFinderModel model) {
        this.finders = ThreadLocal.withInitial(() -> new NameFinderME(model));
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
        if (!hasInnerCapital(text, tokens, from, to)) {
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
            found.add(new Entity(type, start, end, 0.4 + 0.5 * name.getProb(), name()));
        }
    }

    private static boolean hasInnerCapital(String text, Span[] tokens, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            char first = text.charAt(tokens[i].getStart());
            if (Character.isUpperCase(first) && !(tokens[i].length() == 1 && first == 'I')) {
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
