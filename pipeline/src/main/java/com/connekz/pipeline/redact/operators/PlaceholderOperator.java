package com.connekz.pipeline.redact.operators;

/** Replaces an entity with its type: {@code <PERSON>}. */
public final class PlaceholderOperator implements Operator {
    @Override
    public String replace(String type, String original, Pseudonyms pseudonyms) {
        return "<" + type + ">";
    }
}
