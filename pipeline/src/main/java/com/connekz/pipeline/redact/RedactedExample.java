package com.connekz.pipeline.redact;

import java.util.List;
import java.util.Map;

/**
 * The texts of one example (a conversation, a call, a memory, an API request) after redaction.
 *
 * @param texts     one result per input text, in input order
 * @param counts    number of entities per type across the example
 * @param droppedBy the type whose presence means the example must not be used, or null
 */
public record RedactedExample(List<RedactedText> texts, Map<String, Long> counts, String droppedBy) {
    public RedactedExample {
        texts = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(texts));
        counts = Map.copyOf(counts);
    }

    public boolean dropped() {
        return droppedBy != null;
    }
}
