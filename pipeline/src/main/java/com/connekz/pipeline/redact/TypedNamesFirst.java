package com.connekz.pipeline.redact;

import java.util.ArrayList;
import java.util.List;

/**
 * An unknown name that overlaps a person, place or organisation finding gives way to it, whatever
 * their scores: a typed finding says what the word is (and a person propagates through the example),
 * while an unknown name only says that it is some name. O(k log k).
 */
final class TypedNamesFirst {
    private TypedNamesFirst() {}

    static List<Entity> withoutOverlappedUnknownNames(List<Entity> candidates) {
        List<Entity> typed = new ArrayList<>();
        boolean anyUnknown = false;
        for (Entity candidate : candidates) {
            if (EntityTypes.TYPED_NAMES.contains(candidate.type())) {
                typed.add(candidate);
            }
            anyUnknown |= EntityTypes.UNKNOWN_NAME.equals(candidate.type());
        }
        if (typed.isEmpty() || !anyUnknown) {
            return candidates;
        }
        SpanIndex index = new SpanIndex(typed);
        List<Entity> kept = new ArrayList<>(candidates.size());
        for (Entity candidate : candidates) {
            if (!EntityTypes.UNKNOWN_NAME.equals(candidate.type()) || !index.overlaps(candidate.start(), candidate.end())) {
                kept.add(candidate);
            }
        }
        return kept;
    }
}
