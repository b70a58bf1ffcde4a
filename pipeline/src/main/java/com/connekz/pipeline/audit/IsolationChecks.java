package com.connekz.pipeline.audit;

import com.connekz.pipeline.lake.SystemTable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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

    private final SystemTable table;

    public IsolationChecks(SparkSession spark, String path) {
        this.table = new SystemTable(spark, path, SCHEMA, List.of("table", "version", "run_id", "checked_at"));
    }

    /** One version of a gold table, named by its path under the lake ({@code gold/assistant}). */
    public record Checked(String table, long version) {}

    /** Every version recorded as isolated, read in one pass. */
    public Set<Checked> all() {
        return table.read().select("table", "version").collectAsList().stream()
                .map(row -> new Checked(row.getString(0), row.getLong(1)))
                .collect(Collectors.toSet());
    }

    /** Records, in one commit, that these versions were read in full and found isolated. */
    public void record(List<Checked> versions, String runId, Instant at) {
        table.append(versions.stream()
                .map(v -> RowFactory.create(v.table(), v.version(), runId, Timestamp.from(at)))
                .toList());
    }
}
