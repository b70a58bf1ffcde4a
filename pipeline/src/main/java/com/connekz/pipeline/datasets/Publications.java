package com.connekz.pipeline.datasets;

import static org.apache.spark.sql.functions.col;

import com.connekz.pipeline.lake.SystemTable;
import com.connekz.pipeline.lake.Lake;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.OptionalLong;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code _system/publications}: which gold dataset versions passed their audits. A version a build
 * committed is not what {@code datasets} calls latest, nor what a training launch may pick, until it
 * is published here; a run whose audits fail publishes nothing. Append-only.
 */
public final class Publications {
    public static final StructType SCHEMA = new StructType()
            .add("dataset", DataTypes.StringType)
            .add("version", DataTypes.LongType)
            .add("run_id", DataTypes.StringType)
            .add("published_at", DataTypes.TimestampType)
            .add("audits_json", DataTypes.StringType);

    private final SystemTable table;

    public Publications(SparkSession spark, String path) {
        this.table = new SystemTable(spark, path, SCHEMA, List.of("dataset", "version", "run_id", "published_at"));
    }

    /** Where the manifest of a published version lives: {@code _system/manifests/<dataset>/v<N>.json}. */
    public static String manifest(Lake lake, String dataset, long version) {
        return lake.system("manifests/" + dataset + "/v" + version + ".json");
    }

    /** A dataset version that was published. */
    public record Published(String dataset, long version) {}

    /**
     * Records, in one commit, that each version passed the audits its JSON names: all of them are
     * published or, when the commit fails, none.
     */
    public void publish(Map<Published, String> auditsJsonByVersion, String runId, Instant at) {
        table.append(auditsJsonByVersion.entrySet().stream()
                .map(e -> RowFactory.create(e.getKey().dataset(), e.getKey().version(), runId, Timestamp.from(at), e.getValue()))
                .toList());
    }

    /** Every published version of every dataset, read in one pass. */
    public Set<Published> all() {
        return table.read().select("dataset", "version").collectAsList().stream()
                .map(row -> new Published(row.getString(0), row.getLong(1)))
                .collect(Collectors.toSet());
    }

    /** The latest published version of a dataset, if any. */
    public OptionalLong latest(String dataset) {
        List<Row> rows = published(dataset).agg(org.apache.spark.sql.functions.max("version")).collectAsList();
        return rows.isEmpty() || rows.get(0).isNullAt(0) ? OptionalLong.empty() : OptionalLong.of(rows.get(0).getLong(0));
    }

    /** The publication of one version of a dataset, if it was published. */
    public Optional<Row> find(String dataset, long version) {
        List<Row> rows = published(dataset).filter(col("version").equalTo(version)).limit(1).collectAsList();
        return rows.stream().findFirst();
    }

    private Dataset<Row> published(String dataset) {
        return table.read().filter(col("dataset").equalTo(dataset));
    }
}
