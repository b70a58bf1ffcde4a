package com.connekz.pipeline.redact;

import java.util.List;

/**
 * One piece of personal data found in a text.
 *
 * @param type       the entity type, one of {@link EntityTypes}
 * @param start      first char (UTF-16 index) of the span
 * @param end        index after the last char of the span
 * @param score      confidence in [0, 1] after context
 * @param recognizer name of the recognizer that found it
 * @param context    context words near the span that raised the score (empty when none did)
 */
public record Entity(String type, int start, int end, double score, String recognizer, List<String> context) {
    public Entity {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("empty or negative span [" + start + ", " + end + ")");
        }
        context = List.copyOf(context);
    }

    public Entity(String type, int start, int end, double score, String recognizer) {
        this(type, start, end, score, recognizer, List.of());
    }

    public int length() {
        return end - start;
    }

    public boolean overlaps(Entity other) {
        return start < other.end && other.start < end;
    }

    public Entity withScore(double newScore, List<String> words) {
        return new Entity(type, start, end, newScore, recognizer, words);
    }

    public Entity withSpan(int newStart, int newEnd) {
        return new Entity(type, newStart, newEnd, score, recognizer, context);
    }
}
