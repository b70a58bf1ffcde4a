package com.connekz.pipeline.datasets;

import com.connekz.pipeline.lake.SystemTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code _system/gold_contents}: what each gold version holds, as the {@link ContentFingerprint} the
 * build computed when it committed the version or found it unchanged. A build reads it once to skip
 * every table whose wanted examples have the fingerprint its latest version holds, without reading
 * the table. It holds counts and hashes of keyed hashes, no personal data. Append-only, one commit
 * per build.
 */
public final class GoldContents {
    /** Its folder under {@code _system/}. */
    public static final String FOLDER = "gold_contents";
    public static final StructType SCHEMA = new StructType()
            .add("dataset", DataTypes.StringType)
            .add("version", DataTypes.LongType)
            .add("fingerprint", DataTypes.StringType)
            .add("run_id", DataTypes.StringType);

    private final SystemTable table;

    public GoldContents(SparkSession spark, String path) {
        this.table = new SystemTable(spark, path, SCHEMA, List.of("dataset", "version", "run_id"));
    }

    /** One gold version and what it holds. */
    public record Holding(String dataset, long version, ContentFingerprint fingerprint) {}

    /** What the latest recorded version of each dataset holds, read in one pass. */
    public Map<String, Holding> latest() {
        Map<String, Holding> latest = new HashMap<>();
        for (Row row : table.read().select("dataset", "version", "fingerprint").collectAsList()) {
            ContentFingerprint fingerprint = ContentFingerprint.parse(row.getString(2));
            Holding holding = new Holding(row.getString(0), row.getLong(1), fingerprint);
            if (fingerprint != null) {
                latest.merge(holding.dataset(), holding, (a, b) -> a.version() >= b.version() ? a : b);
            }
        }
        return latest;
    }

    /** Records, in one commit, what each version holds. */
    public void record(List<Holding> holdings, String runId) {
        table.append(holdings.stream()
                .map(h -> RowFactory.create(h.dataset(), h.version(), h.fingerprint().toString(), runId))
                .toList());
    }
}
