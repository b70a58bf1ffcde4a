package com.connekz.pipeline.redact.operators;

import com.connekz.pipeline.redact.TextView;

/** Replaces every letter and digit of an entity with {@code *}, keeping its separators and length. */
public final class MaskOperator implements Operator {
    @Override
    public String replace(String type, String original, Pseudonyms pseudonyms) {
        StringBuilder masked = new StringBuilder(original.length());
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            masked.append(TextView.isWordChar(c) ? '*' : c);
        }
        return masked.toString();
    }
}
