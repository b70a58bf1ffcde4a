package com.connekz.pipeline.redact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Names (persons, places, organisations) found inside a longer finding of a pattern type are part of
 * it: "Tane" in "89 Tane Road, Hongoeka, Hamilton 4031", "Jan" in "DOB 9 Jan 2002", "john" in an
 * email address. The pattern finding, validated by its shape, says what the whole is; a name score
 * lifted by context words ("Customer: ...") must not split it into a person and two stray pieces.
 */
final class NamesInsidePatterns {
    private static final Set<String> NAME_TYPES = EntityTypes.NAMES;

    private NamesInsidePatterns() {}

    /** The candidates without the names that lie inside a longer pattern candidate; O(k log k). */
    static List<Entity> withoutThem(List<Entity> candidates) {
        List<Entity> patterns = new ArrayList<>();
        for (Entity candidate : candidates) {
            if (!NAME_TYPES.contains(candidate.type())) {
                patterns.add(candidate);
            }
        }
        List<Entity> kept = new ArrayList<>(candidates.size());
        if (patterns.isEmpty() || patterns.size() == candidates.size()) {
            kept.addAll(candidates);
            return kept;
        }
        patterns.sort(Comparator.comparingInt(Entity::start));
        int[] starts = new int[patterns.size()];
        int[] furthestEnd = new int[patterns.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = patterns.get(i).start();
            furthestEnd[i] = Math.max(patterns.get(i).end(), i > 0 ? furthestEnd[i - 1] : 0);
        }
        for (Entity candidate : candidates) {
            if (!NAME_TYPES.contains(candidate.type()) || !insideLonger(candidate, starts, furthestEnd)) {
                kept.add(candidate);
            }
        }
        return kept;
    }

    /** Whether a pattern starting earlier reaches the name's end, or one starting with it reaches past it. */
    private static boolean insideLonger(Entity name, int[] starts, int[] furthestEnd) {
        int startingBefore = lastIndexBelow(starts, name.start());
        if (startingBefore >= 0 && furthestEnd[startingBefore] >= name.end()) {
            return true;
        }
        int startingWith = lastIndexBelow(starts, name.start() + 1);
        return startingWith >= 0 && furthestEnd[startingWith] > name.end();
    }

    /** The last index whose value is below the bound, or -1. */
    private static int lastIndexBelow(int[] sorted, int bound) {
        int found = Arrays.binarySearch(sorted, bound);
        int index = found >= 0 ? found : -found - 1;
        while (index > 0 && sorted[index - 1] >= bound) {
            index--;
        }
        return index - 1;
    }
}
