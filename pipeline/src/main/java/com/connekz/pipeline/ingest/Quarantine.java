package com.connekz.pipeline.ingest;

import com.connekz.pipeline.lake.DeltaTables;
import io.delta.tables.DeltaTable;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code quarantine} table: every bad record with where it came from and why, so that nothing
 * landed is silently dropped. Keyed by file and line: quarantining the same line twice adds nothing.
 */
public final class Quarantine {
    public static final StructType SCHEMA = new StructType()
            .add("source", DataTypes.StringType)
            .add("file", DataTypes.StringType)
            .add("line", DataTypes.LongType)
            .add("reason", DataTypes.StringType)
            .add("field", DataTypes.StringType)
            .add("message", DataTypes.StringType)
            .add("raw_line", DataTypes.StringType)
            .add("run_id", DataTypes.StringType)
            .add("quarantined_at", DataTypes.TimestampType);

    private static final List<String> STATS_COLUMNS = List.of("source", "line", "reason", "run_id", "quarantined_at");

    private Quarantine() {}

    /** Merges bad records (in {@link #SCHEMA}) into the table, creating it on first use. */
    public static void add(SparkSession spark, String path, Dataset<Row> badRecords) {
        DeltaTables.create(spark, path, SCHEMA, STATS_COLUMNS);
        DeltaTable.forPath(spark, path).as("q")
                .merge(badRecords.as("b"), "q.file = b.file AND q.line = b.line")
                .whenNotMatched().insertAll()
                .execute();
    }
}
