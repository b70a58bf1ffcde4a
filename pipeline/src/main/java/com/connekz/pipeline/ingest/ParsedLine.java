package com.connekz.pipeline.ingest;

/**
 * The outcome of parsing one landed line: either the record's values in schema order, or why not.
 *
 * @param values      the contract fields' values in {@link Source#fields()} order (Spark-ready types)
 * @param extra       unknown extra fields as a JSON object text, or null
 * @param contentHash SHA-256 of the canonical JSON of the contract fields
 * @param bad         why the line is a bad record, or null when it parsed
 */
public record ParsedLine(Object[] values, String extra, String contentHash, BadRecord bad) {

    public static ParsedLine good(Object[] values, String extra, String contentHash) {
        return new ParsedLine(values, extra, contentHash, null);
    }

    public static ParsedLine bad(BadRecord bad) {
        return new ParsedLine(null, null, null, bad);
    }

    public boolean isGood() {
        return bad == null;
    }
}
