package com.connekz.pipeline.redact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns overlapping candidates into non-overlapping entities: a name inside a longer pattern finding
 * gives way to it ({@link NamesInsidePatterns}); otherwise the highest score wins (then the
 * longer span); a weaker candidate that sticks out of a stronger one keeps every free part that
 * holds a word character (the house number and the postcode around a street named after a person),
 * so that no word a recognizer claimed goes unredacted. Runs in O(k log k) for k candidates that
 * overlap little.
 */
final class EntityResolver {
    private static final Comparator<Entity> STRONGEST_FIRST = Comparator.comparingDouble(Entity::score).reversed()
            .thenComparing(Comparator.comparingInt(Entity::length).reversed())
            .thenComparingInt(Entity::start);

    private EntityResolver() {}

    static List<Entity> resolve(List<Entity> candidates, String text) {
        List<Entity> ordered = NamesInsidePatterns.withoutThem(candidates);
        ordered.sort(STRONGEST_FIRST);
        TreeMap<Integer, Entity> accepted = new TreeMap<>();
        for (Entity candidate : ordered) {
            for (Entity free : freeParts(candidate, accepted)) {
                if (holdsWord(text, free)) {
                    accepted.put(free.start(), free);
                }
            }
        }
        return new ArrayList<>(accepted.values());
    }

    private static boolean holdsWord(String text, Entity entity) {
        for (int i = entity.start(); i < entity.end(); i++) {
            if (TextView.isWordChar(text.charAt(i))) {
                return true;
            }
        }
        return false;
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
