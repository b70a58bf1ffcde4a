package com.connekz.pipeline.ingest;

/** The JSON shapes a landed field may take, each mapped to one Spark type in bronze. */
public enum FieldType {
    STRING,
    /** ISO-8601 instant with an offset, stored as a UTC timestamp. */
    TIMESTAMP,
    /** A calendar date {@code YYYY-MM-DD}. */
    DATE,
    BOOLEAN,
    /** A JSON object kept as its JSON text (e.g. API usage figures). */
    JSON,
    /** The call transcript: an array of {speaker, start_ms, end_ms, text}. */
    SEGMENTS
}
