package com.connekz.pipeline.audit;

import com.connekz.pipeline.lake.DeltaTables;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code _system/isolation_checks}: the gold table versions the audit gate read in full and found
 * isolated. A Delta version never changes once committed, so the gate reads only versions not listed
 * here; the {@code audit isolation} command reads every retained version regardless. Holds table
 * names and version numbers only. Append-only, one commit per gate.
 */
public final class IsolationChecks {
    public static final String FOLDER = "isolation_checks";
    public static final StructType SCHEMA = new StructType()
            .add("table", DataTypes.StringType)
            .add("version", DataTypes.LongType)
            .add("run_id", DataTypes.StringType)
            .add("checked_at", DataTypes.TimestampType);

    private final SparkSession spark;
    private final String path;

    public IsolationChecks(SparkSession spark, String path) {
        this.spark = spark;
        this.path = path;
    }

    /** One version of a gold table, named by its path under the lake ({@code gold/assistant}). */
    public record Checked(String table, long version) {}

    /** Every version recorded as isolated, read in one pass. */
    public Set<Checked> all() {
        if (!DeltaTables.exists(spark, path)) {
            return Set.of();
        }
        return spark.read().format("delta").load(path).select("table", "version").collectAsList().stream()
                .map(row -> new Checked(row.getString(0), row.getLong(1)))
                .collect(Collectors.toSet());
    }

    /** Records, in one commit, that these versions were read in full and found isolated. */
    public void record(List<Checked> versions, String runId, Instant at) {
        if (versions.isEmpty()) {
            return;
        }
        List<Row> rows = versions.stream()
                .map(v -> RowFactory.create(v.table(), v.version(), runId, Timestamp.from(at)))
                .toList();
        DeltaTables.create(spark, path, SCHEMA, List.of("table", "version", "run_id", "checked_at"));
        spark.createDataFrame(rows, SCHEMA).coalesce(1).write().format("delta").mode("append").save(path);
    }
}
