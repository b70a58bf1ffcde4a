package com.connekz.pipeline.redact.operators;

/** Replaces the text of one entity. Implementations are thread-safe; per-example state is passed in. */
public interface Operator {
    /**
     * The replacement for {@code original}, an entity of {@code type}.
     *
     * @param pseudonyms the numbering of the example being redacted
     */
    String replace(String type, String original, Pseudonyms pseudonyms);
}
