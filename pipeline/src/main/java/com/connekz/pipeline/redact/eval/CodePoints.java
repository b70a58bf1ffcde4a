package com.connekz.pipeline.redact.eval;

/** Conversion between UTF-16 indices (Java strings) and Unicode code point offsets (the contract's). */
public final class CodePoints {
    private CodePoints() {}

    /** The UTF-16 index of the code point offset {@code codePoint}; offsets past the end clamp to it. */
    public static int toCharIndex(String text, int codePoint) {
        int limit = text.codePointCount(0, text.length());
        return text.offsetByCodePoints(0, Math.max(0, Math.min(codePoint, limit)));
    }

    /** The code point offset of the UTF-16 index {@code charIndex}. */
    public static int toCodePoint(String text, int charIndex) {
        return text.codePointCount(0, charIndex);
    }
}
