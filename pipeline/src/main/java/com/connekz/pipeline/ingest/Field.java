package com.connekz.pipeline.ingest;

import java.util.List;

/**
 * One field of a landed record as the contract defines it.
 *
 * @param name      the JSON key and the bronze column name
 * @param type      the shape the value must have
 * @param required  whether a line lacking it (or holding null) is a bad record
 * @param allowed   the only values a string field may hold; empty means any
 */
public record Field(String name, FieldType type, boolean required, List<String> allowed) {

    public static Field required(String name, FieldType type) {
        return new Field(name, type, true, List.of());
    }

    public static Field optional(String name, FieldType type) {
        return new Field(name, type, false, List.of());
    }

    public static Field requiredOneOf(String name, String... values) {
        return new Field(name, FieldType.STRING, true, List.of(values));
    }

    public static Field optionalOneOf(String name, String... values) {
        return new Field(name, FieldType.STRING, false, List.of(values));
    }
}
