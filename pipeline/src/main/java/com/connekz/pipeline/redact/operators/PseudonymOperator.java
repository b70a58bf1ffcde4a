package com.connekz.pipeline.redact.operators;

/** Replaces an entity with its type and a number stable within the example: {@code <PERSON_1>}. */
public final class PseudonymOperator implements Operator {
    @Override
    public String replace(String type, String original, Pseudonyms pseudonyms) {
        return "<" + type + "_" + pseudonyms.numberOf(type, original) + ">";
    }
}
