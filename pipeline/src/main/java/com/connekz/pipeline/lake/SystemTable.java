package com.connekz.pipeline.lake;

import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A small append-only bookkeeping table under {@code _system/} (what was ingested, published,
 * checked...): created on its first append, read whole. Statistics are kept only for the columns
 * named, never for text that could hold personal data.
 */
public final class SystemTable {
    private final SparkSession spark;
    private final String path;
    private final StructType schema;
    private final List<String> statsColumns;

    public SystemTable(SparkSession spark, String path, StructType schema, List<String> statsColumns) {
        this.spark = spark;
        this.path = path;
        this.schema = schema;
        this.statsColumns = List.copyOf(statsColumns);
    }

    public boolean exists() {
        return DeltaTables.exists(spark, path);
    }

    /**
     * Every row, or none before the first append. A table written by older code reads with the
     * columns its schema has added since, null in its older rows.
     */
    public Dataset<Row> read() {
        Dataset<Row> rows = DeltaTables.readOrEmpty(spark, path, schema);
        List<String> present = List.of(rows.columns());
        for (StructField field : schema.fields()) {
            if (!present.contains(field.name())) {
                rows = rows.withColumn(field.name(), lit(null).cast(field.dataType()));
            }
        }
        return rows;
    }

    /**
     * Appends {@code rows} in one commit (one file); nothing at all when there are none. A table
     * written by older code gains the columns its schema has added since.
     */
    public void append(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        DeltaTables.create(spark, path, schema, statsColumns);
        spark.createDataFrame(rows, schema).coalesce(1).write().format("delta").mode("append")
                .option("mergeSchema", "true").save(path);
    }
}
