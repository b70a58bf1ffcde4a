package com.connekz.pipeline.redact.ner;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import opennlp.tools.util.Span;

/**
 * Turns a sentence's BIO or IOB1 labels into typed spans. One rule serves both schemes: {@code B-X}
 * always starts a span; {@code I-X} continues the span before it when that span has type X and
 * otherwise starts one. Spans of types the model does not learn end the same way but are dropped.
 */
final class SpanDecoder {
    private final List<Span> spans = new ArrayList<>();
    private String openLabelType;
    private int openStart;

    /** Feeds the label of the token at {@code index}; labels must come in token order. */
    void accept(int index, String label) {
        if (label.equals("O") || label.length() < 3 || label.charAt(1) != '-') {
            close(index);
            return;
        }
        char prefix = label.charAt(0);
        String labelType = label.substring(2);
        boolean continues = prefix == 'I' && labelType.equals(openLabelType);
        if (!continues) {
            close(index);
            openLabelType = labelType;
            openStart = index;
        }
    }

    /** Closes any open span at the sentence end and returns the spans, in order. */
    Span[] finish(int sentenceLength) {
        close(sentenceLength);
        return spans.toArray(Span[]::new);
    }

    private void close(int end) {
        if (openLabelType != null) {
            Optional<EntityType> type = EntityType.fromCorpusLabel(openLabelType);
            type.ifPresent(t -> spans.add(new Span(openStart, end, t.modelName())));
            openLabelType = null;
        }
    }
}
