package com.connekz.pipeline.redact.ner;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What one decoder keeps per word across sentences. Not thread-safe (one per decoder thread); it
 * starts again empty when it holds {@value #MAX_WORDS} words, which a chat vocabulary fits many
 * times over, so its memory stays bounded whatever the text.
 */
final class WordCache<V> {
    static final int MAX_WORDS = 50_000;

    private final Map<String, V> values = new HashMap<>();
    private final Function<String, V> compute;

    WordCache(Function<String, V> compute) {
        this.compute = compute;
    }

    V get(String word) {
        V value = values.get(word);
        if (value == null) {
            if (values.size() >= MAX_WORDS) {
                values.clear();
            }
            value = compute.apply(word);
            values.put(word, value);
        }
        return value;
    }
}
