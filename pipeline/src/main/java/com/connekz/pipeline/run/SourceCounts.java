package com.connekz.pipeline.run;

import java.util.Map;
import java.util.TreeMap;

/**
 * What one run did with one source's records (contract section 5):
 * read = accepted + quarantined + duplicate, and accepted = used + excluded (in the govern stage).
 *
 * @param quarantinedByReason quarantined lines per reason (e.g. {@code invalid_json})
 * @param excludedByReason    governed records left out, per policy reason (e.g. {@code no_consent})
 */
public record SourceCounts(
        long read,
        long accepted,
        long quarantined,
        long duplicate,
        long used,
        Map<String, Long> quarantinedByReason,
        Map<String, Long> excludedByReason) {

    public SourceCounts {
        quarantinedByReason = Map.copyOf(quarantinedByReason);
        excludedByReason = Map.copyOf(excludedByReason);
    }

    public static SourceCounts none() {
        return new SourceCounts(0, 0, 0, 0, 0, Map.of(), Map.of());
    }

    public long excluded() {
        return excludedByReason.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Counts of ingestion (read, accepted, quarantined, duplicate). */
    public static SourceCounts ingested(long read, long accepted, long duplicate, Map<String, Long> quarantinedByReason) {
        long quarantined = quarantinedByReason.values().stream().mapToLong(Long::longValue).sum();
        return new SourceCounts(read, accepted, quarantined, duplicate, 0, quarantinedByReason, Map.of());
    }

    /** Counts of governance (used, excluded by reason). */
    public static SourceCounts governed(long used, Map<String, Long> excludedByReason) {
        return new SourceCounts(0, 0, 0, 0, used, Map.of(), excludedByReason);
    }

    /** Adds another stage's counts of the same source to these. */
    public SourceCounts plus(SourceCounts other) {
        return new SourceCounts(
                read + other.read, accepted + other.accepted, quarantined + other.quarantined,
                duplicate + other.duplicate, used + other.used,
                merge(quarantinedByReason, other.quarantinedByReason),
                merge(excludedByReason, other.excludedByReason));
    }

    private static Map<String, Long> merge(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> merged = new TreeMap<>(a);
        b.forEach((k, v) -> merged.merge(k, v, Long::sum));
        return merged;
    }
}
