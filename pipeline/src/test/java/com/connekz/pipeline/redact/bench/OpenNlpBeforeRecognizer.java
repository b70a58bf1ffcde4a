package com.connekz.pipeline.redact.bench;

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
 * The name-finder recognizer as it was before the faster search (baseline of the benchmark only):
 * OpenNLP's own {@link NameFinderME} on every sentence, best sequence only.
 */
final class OpenNlpBeforeRecognizer implements Recognizer {
    private static final int MAX_SENTENCE_TOKENS = 80;
    private final ThreadLocal<NameFinderME> finders;

    OpenNlpBeforeRecognizer(TokenNameFinderModel model) {
        this.finders = ThreadLocal.withInitial(() -> new NameFinderME(model));
    }

    @Override
    public String name() {
        return "opennlp_before";
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
            char c = text.charAt(tokens[i].getStart());
            boolean ends = tokens[i].length() == 1 && (c == '.' || c == '!' || c == '?' || c == '\n');
            if (i == tokens.length - 1 || ends || i - sentenceStart + 1 >= MAX_SENTENCE_TOKENS) {
                String[] words = new String[i + 1 - sentenceStart];
                for (int w = sentenceStart; w <= i; w++) {
                    words[w - sentenceStart] = tokens[w].getCoveredText(text).toString();
                }
                for (Span name : finder.find(words)) {
                    String type = EntityType.fromModelName(name.getType()).map(Enum::name).orElse(null);
                    if (type != null) {
                        found.add(new Entity(type, tokens[sentenceStart + name.getStart()].getStart(),
                                tokens[sentenceStart + name.getEnd() - 1].getEnd(), 0.4 + 0.5 * name.getProb(), name()));
                    }
                }
                sentenceStart = i + 1;
            }
        }
        finder.clearAdaptiveData();
    }
}
