package com.connekz.pipeline.generate;

import com.connekz.pipeline.ingest.Field;
import com.connekz.pipeline.ingest.FieldType;
import com.connekz.pipeline.ingest.Source;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Turns a good line into a bad one of a chosen kind, using the contract's own field list so that the
 * damage is exactly what ingestion's validation is meant to catch.
 */
final class BadLines {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] GARBAGE_TIMESTAMPS = {"yesterday arvo", "02/11/2026 9:14am", "not yet", "2026-13-45T25:61:00Z"};
    private static final String[] BAD_ENUM_VALUES = {"robot", "everything", "marketing", "carrier-pigeon"};

    private BadLines() {}

    /** The kinds of damage that make sense for a source's fields (bad enum values need an enum field). */
    static List<BadLineKind> kindsFor(Source source) {
        List<BadLineKind> kinds = new ArrayList<>(List.of(
                BadLineKind.INVALID_JSON, BadLineKind.MISSING_FIELD, BadLineKind.WRONG_TYPE, BadLineKind.BAD_TIMESTAMP));
        if (source.fields().stream().anyMatch(f -> !f.allowed().isEmpty())) {
            kinds.add(BadLineKind.BAD_ENUM);
        }
        return kinds;
    }

    /** The good line damaged in the given way; the result is certain to fail ingestion's checks. */
    static String corrupt(Source source, String goodLine, BadLineKind kind, RandomGenerator random) {
        if (kind == BadLineKind.INVALID_JSON) {
            return goodLine.substring(0, goodLine.length() / 2 + random.nextInt(goodLine.length() / 3));
        }
        ObjectNode record = parse(goodLine);
        switch (kind) {
            case MISSING_FIELD -> record.remove(pick(required(source, null), random).name());
            case WRONG_TYPE -> {
                List<Field> booleans = required(source, FieldType.BOOLEAN);
                if (!booleans.isEmpty() && random.nextBoolean()) {
                    record.put(pick(booleans, random).name(), "yes");
                } else {
                    record.put(pick(required(source, FieldType.STRING), random).name(), 42);
                }
            }
            case BAD_TIMESTAMP -> {
                String field = pick(required(source, FieldType.TIMESTAMP), random).name();
                String timestamp = record.get(field).asText();
                record.put(field, random.nextBoolean()
                        ? withoutOffset(timestamp)
                        : GARBAGE_TIMESTAMPS[random.nextInt(GARBAGE_TIMESTAMPS.length)]);
            }
            case BAD_ENUM -> {
                List<Field> enums = source.fields().stream().filter(f -> f.required() && !f.allowed().isEmpty()).toList();
                record.put(pick(enums, random).name(), BAD_ENUM_VALUES[random.nextInt(BAD_ENUM_VALUES.length)]);
            }
            default -> throw new IllegalArgumentException(kind.name());
        }
        return record.toString();
    }

    /** "2026-11-02T09:14:03.123+13:00" becomes "2026-11-02T09:14:03.123": a local time nobody can place. */
    static String withoutOffset(String timestamp) {
        int offset = Math.max(timestamp.lastIndexOf('+'), Math.max(timestamp.lastIndexOf('Z'), timestamp.lastIndexOf('-')));
        return offset > 10 ? timestamp.substring(0, offset) : timestamp + "T";
    }

    private static List<Field> required(Source source, FieldType type) {
        return source.fields().stream()
                .filter(f -> f.required() && (type == null || f.type() == type) && f.allowed().isEmpty())
                .toList();
    }

    private static <T> T pick(List<T> items, RandomGenerator random) {
        return items.get(random.nextInt(items.size()));
    }

    private static ObjectNode parse(String line) {
        try {
            return (ObjectNode) MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the generator wrote a line that is not JSON", e);
        }
    }
}
