package com.connekz.pipeline.deletion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.spark.sql.delta.actions.AddFile;

/**
 * Whether a data file may hold one of some values of a text column, judged from the minimum and
 * maximum that its log entry records for the column. Each value is tested against the file's own
 * range, unlike Delta's skipping of an {@code IN} list, which tests one range from the list's smallest
 * to its largest value and so keeps nearly every file when the values are keyed hashes.
 *
 * <p>Delta keeps only a prefix of long strings: the minimum's prefix is no larger than the minimum,
 * and the recorded maximum is raised above every string of its prefix, so the test stays exact on
 * the safe side. A file without statistics for the column may hold anything and is kept.
 */
final class StatsRange implements Predicate<AddFile> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String column;
    private final TreeSet<String> values;

    StatsRange(String column, List<String> values) {
        this.column = column;
        this.values = new TreeSet<>(values);
    }

    @Override
    public boolean test(AddFile file) {
        if (values.isEmpty()) {
            return false;
        }
        JsonNode stats = parse(file.stats());
        JsonNode min = stats == null ? null : stats.path("minValues").get(column);
        JsonNode max = stats == null ? null : stats.path("maxValues").get(column);
        if (min == null || max == null || !min.isTextual() || !max.isTextual()) {
            // No range recorded (no statistics, or only nulls): fail closed.
            return true;
        }
        String lowest = values.ceiling(min.asText());
        return lowest != null && lowest.compareTo(max.asText()) <= 0;
    }

    private static JsonNode parse(String stats) {
        if (stats == null || stats.isEmpty()) {
            return null;
        }
        try {
            return JSON.readTree(stats);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("unreadable statistics in the transaction log", e);
        }
    }
}
