package com.connekz.pipeline.govern;

import com.connekz.pipeline.ingest.BronzeSchema;
import com.connekz.pipeline.ingest.Source;
import com.connekz.pipeline.testing.SharedSpark;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Small bronze frames for tests: named fields in, rows of exactly {@link BronzeSchema#of} out. */
public final class BronzeRows {
    private final Source source;
    private final List<Row> rows = new ArrayList<>();

    private BronzeRows(Source source) {
        this.source = source;
    }

    public static BronzeRows of(Source source) {
        return new BronzeRows(source);
    }

    /** Adds one row; alternating names and values, instants and local dates converted to Spark's types. */
    public BronzeRows add(Object... namesAndValues) {
        Map<String, Object> values = new HashMap<>();
        values.put(BronzeSchema.RUN_ID, "run-test");
        values.put(BronzeSchema.SOURCE_FILE, "file.jsonl");
        values.put(BronzeSchema.LINE, (long) rows.size() + 1);
        values.put(BronzeSchema.INGESTED_AT, Timestamp.from(Instant.parse("2026-11-24T00:00:00Z")));
        values.put(BronzeSchema.CONTENT_HASH, "hash-" + rows.size());
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], spark(namesAndValues[i + 1]));
        }
        StructType schema = BronzeSchema.of(source);
        Object[] ordered = new Object[schema.size()];
        for (int i = 0; i < ordered.length; i++) {
            StructField field = schema.fields()[i];
            ordered[i] = values.get(field.name());
        }
        rows.add(RowFactory.create(ordered));
        return this;
    }

    public Dataset<Row> frame() {
        return SharedSpark.session().createDataFrame(rows, BronzeSchema.of(source));
    }

    /** The frame with every column nullable, for rows the contract forbids but governance must survive. */
    public Dataset<Row> nullableFrame() {
        return SharedSpark.session().createDataFrame(rows, (StructType) BronzeSchema.of(source).asNullable());
    }

    private static Object spark(Object value) {
        if (value instanceof Instant instant) {
            return Timestamp.from(instant);
        }
        if (value instanceof LocalDate date) {
            return Date.valueOf(date);
        }
        return value;
    }
}
