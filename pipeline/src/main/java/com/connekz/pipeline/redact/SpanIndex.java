package com.connekz.pipeline.redact;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** Spans sorted by start, answering "how far do the spans starting before here reach?" in O(log k). */
final class SpanIndex {
    private final int[] starts;
    private final int[] furthestEnd;

    SpanIndex(List<Entity> spans) {
        List<Entity> sorted = spans.stream().sorted(Comparator.comparingInt(Entity::start)).toList();
        starts = new int[sorted.size()];
        furthestEnd = new int[sorted.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = sorted.get(i).start();
            furthestEnd[i] = Math.max(sorted.get(i).end(), i > 0 ? furthestEnd[i - 1] : 0);
        }
    }

    /** The furthest end of the spans that start before {@code bound}, or -1 when none does. */
    int furthestEndStartingBefore(int bound) {
        int found = Arrays.binarySearch(starts, bound);
        int index = found >= 0 ? found : -found - 1;
        while (index > 0 && starts[index - 1] >= bound) {
            index--;
        }
        return index == 0 ? -1 : furthestEnd[index - 1];
    }

    /** Whether any span overlaps [start, end). */
    boolean overlaps(int start, int end) {
        return furthestEndStartingBefore(end) > start;
    }
}
