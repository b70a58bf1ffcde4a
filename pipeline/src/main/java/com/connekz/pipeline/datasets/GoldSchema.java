package com.connekz.pipeline.datasets;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The columns of a gold table (one training example a row). Identifiers are keyed hashes; the only
 * text is the redacted content of {@code messages} and {@code summary}.
 */
public final class GoldSchema {
    public static final String EXAMPLE_ID = "example_id";
    public static final String KIND = "kind";
    public static final String MESSAGES = "messages";
    /** A call's summary; null for the other kinds. */
    public static final String SUMMARY = "summary";
    public static final String SPLIT = "split";
    public static final String TENANT = "tenant";
    public static final String SUBJECT_HASH = "subject_hash";
    public static final String CREATED_AT = "created_at";
    public static final String SOURCE_RECORD_KEYS = "source_record_keys";
    public static final String LINEAGE = "lineage";
    public static final String CONTENT_HASH = "content_hash";

    public static final String TRAIN = "train";
    public static final String VALIDATION = "validation";

    public static final StructType MESSAGE = new StructType()
            .add("role", DataTypes.StringType)
            .add("content", DataTypes.StringType);

    public static final StructType LINEAGE_ENTRY = new StructType()
            .add("source", DataTypes.StringType)
            .add("record_key_hash", DataTypes.StringType)
            .add("bronze_file", DataTypes.StringType)
            .add("bronze_line", DataTypes.LongType)
            .add("bronze_run_id", DataTypes.StringType)
            .add("govern_run_id", DataTypes.StringType);

    /**
     * The only columns Delta may keep min/max statistics of: statistics of text columns would copy
     * the first characters of training text into the transaction log, beyond the reach of VACUUM.
     * {@code subject_hash} (a keyed hash, never a raw id) is kept so that a deletion reads only the
     * files that may hold the subject's examples; the purge erases its statistics with the rest.
     */
    public static final List<String> STATS_COLUMNS = List.of(KIND, SPLIT, CREATED_AT, SUBJECT_HASH);

    private GoldSchema() {}
}
