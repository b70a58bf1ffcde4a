package com.connekz.pipeline.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The explicit Spark schema of every bronze table: the contract's fields, then ingestion metadata. */
public final class BronzeSchema {

    /** Unknown extra fields of the landed line, as a JSON object text (null when there were none). */
    public static final String EXTRA = "_extra";
    public static final String RUN_ID = "_run_id";
    public static final String SOURCE_FILE = "_source_file";
    public static final String LINE = "_line";
    public static final String INGESTED_AT = "_ingested_at";
    /** SHA-256 of the record's canonical JSON: tells a re-landed record from an updated one. */
    public static final String CONTENT_HASH = "_content_hash";

    public static final StructType SEGMENT = new StructType()
            .add("speaker", DataTypes.StringType)
            .add("start_ms", DataTypes.LongType)
            .add("end_ms", DataTypes.LongType)
            .add("text", DataTypes.StringType);

    private BronzeSchema() {}

    public static StructType of(Source source) {
        List<StructField> fields = new ArrayList<>();
        for (Field field : source.fields()) {
            fields.add(DataTypes.createStructField(field.name(), sparkType(field.type()), !field.required()));
        }
        fields.add(DataTypes.createStructField(EXTRA, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(RUN_ID, DataTypes.StringType, false));
        fields.add(DataTypes.createStructField(SOURCE_FILE, DataTypes.StringType, false));
        fields.add(DataTypes.createStructField(LINE, DataTypes.LongType, false));
        fields.add(DataTypes.createStructField(INGESTED_AT, DataTypes.TimestampType, false));
        fields.add(DataTypes.createStructField(CONTENT_HASH, DataTypes.StringType, false));
        return DataTypes.createStructType(fields);
    }

    static DataType sparkType(FieldType type) {
        return switch (type) {
            case STRING, JSON -> DataTypes.StringType;
            case TIMESTAMP -> DataTypes.TimestampType;
            case DATE -> DataTypes.DateType;
            case BOOLEAN -> DataTypes.BooleanType;
            case SEGMENTS -> DataTypes.createArrayType(SEGMENT, false);
        };
    }
}
