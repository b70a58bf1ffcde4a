package com.connekz.pipeline.ingest;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The one-pass shape of parsed lines: bronze columns for good lines, the bad-record columns for the rest. */
final class ParsedSchema {
    static final String BAD_REASON = "_bad_reason";
    static final String BAD_FIELD = "_bad_field";
    static final String BAD_MESSAGE = "_bad_message";
    static final String RAW_LINE = "_raw_line";

    private ParsedSchema() {}

    static StructType of(Source source) {
        return BronzeSchema.of(source).asNullable()
                .add(BAD_REASON, DataTypes.StringType)
                .add(BAD_FIELD, DataTypes.StringType)
                .add(BAD_MESSAGE, DataTypes.StringType)
                .add(RAW_LINE, DataTypes.StringType);
    }
}
