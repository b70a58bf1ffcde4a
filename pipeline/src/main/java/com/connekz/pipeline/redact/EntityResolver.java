package com.connekz.pipeline.redact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns overlapping candidates into non-overlapping entities: the highest score wins (then the
 * longer span); a weaker candidate that sticks out of a stronger one keeps its largest free part,
 * so that no character a recognizer claimed goes unredacted. Runs in O(k log k) for k candidates.
 */
final class EntityResolver {
    private static final Comparator<Entity> STRONGEST_FIRST = Comparator.comparingDouble(Entity::score).reversed()
            .thenComparing(Comparator.comparingInt(Entity::length).reversed())
            .thenComparingInt(Entity::start);

    private EntityResolver() {}

    static List<Entity> resolve(List<Entity> candidates, String text) {
        List<Entity> ordered = new ArrayList<>(candidates);
        ordered.sort(STRONGEST_FIRST);
        TreeMap<Integer, Entity> accepted = new TreeMap<>();
        for (Entity candidate : ordered) {
            Entity free = largestFreePart(candidate, accepted);
            if (free != null && holdsWord(text, free)) {
                accepted.put(free.start(), free);
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

    private static Entity largestFreePart(Entity candidate, TreeMap<Integer, Entity> accepted) {
        int cursor = candidate.start();
        int bestStart = -1;
        int bestEnd = -1;
        Map.Entry<Integer, Entity> before = accepted.lowerEntry(candidate.start());
        if (before != null && before.getValue().end() > cursor) {
            cursor = before.getValue().end();
        }
        for (Entity taken : accepted.subMap(candidate.start(), true, candidate.end(), false).values()) {
            if (taken.start() - cursor > bestEnd - bestStart) {
                bestStart = cursor;
                bestEnd = taken.start();
            }
            cursor = Math.max(cursor, taken.end());
        }
        if (candidate.end() - cursor > bestEnd - bestStart) {
            bestStart = cursor;
            bestEnd = candidate.end();
        }
        if (bestEnd <= bestStart) {
            return null;
        }
        return bestStart == candidate.start() && bestEnd == candidate.end() ? candidate : candidate.withSpan(bestStart, bestEnd);
    }
}
