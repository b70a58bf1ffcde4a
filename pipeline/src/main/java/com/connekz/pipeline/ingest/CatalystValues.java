package com.connekz.pipeline.ingest;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.DateTimeUtils;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * A parsed field value in Spark's internal form, converted the way Spark converts an external
 * {@code Row} (the same calendar rebasing for timestamps and dates).
 */
final class CatalystValues {
    private CatalystValues() {}

    static Object of(FieldType type, Object value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case STRING, JSON -> UTF8String.fromString((String) value);
            case TIMESTAMP -> DateTimeUtils.fromJavaTimestamp((Timestamp) value);
            case DATE -> DateTimeUtils.fromJavaDate((Date) value);
            case BOOLEAN -> value;
            case SEGMENTS -> segments((List<?>) value);
        };
    }

    private static GenericArrayData segments(List<?> rows) {
        Object[] segments = new Object[rows.size()];
        for (int i = 0; i < segments.length; i++) {
            Row segment = (Row) rows.get(i);
            segments[i] = new GenericInternalRow(new Object[] {
                UTF8String.fromString(segment.getString(0)), segment.getLong(1), segment.getLong(2),
                UTF8String.fromString(segment.getString(3))});
        }
        return new GenericArrayData(segments);
    }
}
