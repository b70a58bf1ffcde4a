package com.connekz.pipeline.redact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns overlapping candidates into non-overlapping entities: an unknown name gives way to a typed
 * name it overlaps ({@link TypedNamesFirst}), a name inside a longer pattern finding to the pattern
 * ({@link NamesInsidePatterns}); otherwise the highest score wins (then the
 * longer span); a weaker candidate that sticks out of a stronger one keeps every free part that
 * holds a word character (the house number and the postcode around a street named after a person),
 * so that no word a recognizer claimed goes unredacted; neighbouring parts of one name are then
 * joined ({@link AdjacentNames}). Runs in O(k log k) for k candidates that overlap little.
 */
final class EntityResolver {
    private static final Comparator<Entity> STRONGEST_FIRST = Comparator.comparingDouble(Entity::score).reversed()
            .thenComparing(Comparator.comparingInt(Entity::length).reversed())
            .thenComparingInt(Entity::start);

    private EntityResolver() {}

    static List<Entity> resolve(List<Entity> candidates, String text) {
        List<Entity> ordered = NamesInsidePatterns.withoutThem(
                TypedNamesFirst.withoutOverlappedUnknownNames(candidates));
        ordered.sort(STRONGEST_FIRST);
        TreeMap<Integer, Entity> accepted = new TreeMap<>();
        for (Entity candidate : ordered) {
            for (Entity free : freeParts(candidate, accepted)) {
                Entity trimmed = withoutEdgeSpaces(text, free);
                if (trimmed != null && holdsWord(text, trimmed)) {
                    accepted.put(trimmed.start(), trimmed);
                }
            }
        }
        return AdjacentNames.joined(new ArrayList<>(accepted.values()), text);
    }

    private static boolean holdsWord(String text, Entity entity) {
        for (int i = entity.start(); i < entity.end(); i++) {
            if (TextView.isWordChar(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The part without the white space it starts or ends with (left between two findings), or null if blank. */
    private static Entity withoutEdgeSpaces(String text, Entity part) {
        int start = part.start();
        int end = part.end();
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return null;
        }
        return start == part.start() && end == part.end() ? part : part.withSpan(start, end);
    }

    /** The stretches of the candidate that no accepted entity covers, in text order. */
    private static List<Entity> freeParts(Entity candidate, TreeMap<Integer, Entity> accepted) {
        int cursor = candidate.start();
        Map.Entry<Integer, Entity> before = accepted.lowerEntry(candidate.start());
        if (before != null && before.getValue().end() > cursor) {
            cursor = before.getValue().end();
        }
        List<Entity> parts = new ArrayList<>(1);
        for (Entity taken : accepted.subMap(candidate.start(), true, candidate.end(), false).values()) {
            if (taken.start() > cursor) {
                parts.add(candidate.withSpan(cursor, taken.start()));
            }
            cursor = Math.max(cursor, taken.end());
        }
        if (candidate.end() > cursor) {
            parts.add(cursor == candidate.start() ? candidate : candidate.withSpan(cursor, candidate.end()));
        }
        return parts;
    }
}
