package com.connekz.pipeline.generate;

/** The ways a landed line can be bad, each of which ingestion must quarantine with its reason. */
public enum BadLineKind {
    /** Not parseable as JSON at all (a line cut off mid-record). */
    INVALID_JSON,
    /** A required field is absent. */
    MISSING_FIELD,
    /** A field holds the wrong JSON type: a number for a string, a string for a boolean. */
    WRONG_TYPE,
    /** A timestamp without an offset, or not a timestamp at all. */
    BAD_TIMESTAMP,
    /** A value outside the field's allowed set, such as role "robot". */
    BAD_ENUM
}
