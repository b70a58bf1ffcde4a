package com.connekz.pipeline.redact;

import java.util.ArrayList;
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
        SpanIndex index = new SpanIndex(patterns);
        for (Entity candidate : candidates) {
            if (!NAME_TYPES.contains(candidate.type()) || !insideLonger(candidate, index)) {
                kept.add(candidate);
            }
        }
        return kept;
    }

    /** Whether a pattern starting earlier reaches the name's end, or one starting with it reaches past it. */
    private static boolean insideLonger(Entity name, SpanIndex patterns) {
        return patterns.furthestEndStartingBefore(name.start()) >= name.end()
                || patterns.furthestEndStartingBefore(name.start() + 1) > name.end();
    }
}
