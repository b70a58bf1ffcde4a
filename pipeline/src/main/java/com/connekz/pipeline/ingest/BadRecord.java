package com.connekz.pipeline.ingest;

/**
 * Why one landed line cannot be ingested. The message names the field and what was wrong with it,
 * never the value (which may be personal data).
 *
 * @param reason  a stable code counted in the run report ({@code invalid_json}, {@code missing_field}, ...)
 * @param field   the offending field ({@code segments[2].start_ms}), or null for the whole line
 * @param message a readable explanation without the value
 */
public record BadRecord(String reason, String field, String message) {
    public static final String INVALID_JSON = "invalid_json";
    public static final String NOT_AN_OBJECT = "not_an_object";
    public static final String EMPTY_LINE = "empty_line";
    public static final String MISSING_FIELD = "missing_field";
    public static final String WRONG_TYPE = "wrong_type";
    public static final String BAD_TIMESTAMP = "bad_timestamp";
    public static final String BAD_DATE = "bad_date";
    public static final String BAD_VALUE = "bad_value";
    public static final String UNREADABLE_FILE = "unreadable_file";
    public static final String UNKNOWN_SOURCE = "unknown_source";
}
