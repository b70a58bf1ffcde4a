package com.connekz.pipeline.audit;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.connekz.pipeline.lake.DeltaTables;
import com.connekz.pipeline.datasets.GoldSchema;
import com.connekz.pipeline.datasets.GoldTables;
import com.connekz.pipeline.datasets.RecordKeys;
import com.connekz.pipeline.deletion.DeletionMatch;
import com.connekz.pipeline.hashing.KeyedHash;
import com.connekz.pipeline.ingest.Source;
import com.connekz.pipeline.lake.Lake;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code audit subject USER_ID}: every table and every retained version of it that still holds the
 * user's data — by raw id in bronze (user, or developer for API data), quarantine (the raw line) and
 * silver, by keyed hash ({@code subject_hash}) in gold. The report names the user by hash only.
 */
public final class SubjectAudit {
    private final SparkSession spark;
    private final Lake lake;
    private final KeyedHash hash;

    public SubjectAudit(SparkSession spark, Lake lake, KeyedHash hash) {
        this.spark = spark;
        this.lake = lake;
        this.hash = hash;
    }

    /**
     * One table holding the user's data.
     *
     * @param rowsByVersion   retained versions that hold the user's rows, with how many
     * @param unreadable      retained versions whose files are gone (vacuumed): they hold nothing
     */
    public record Finding(
            @JsonProperty("table") String table,
            @JsonProperty("rows_by_version") Map<Long, Long> rowsByVersion,
            @JsonProperty("unreadable_versions") List<Long> unreadable) {
    }

    public record Report(
            @JsonProperty("subject_hash") String subjectHash,
            @JsonProperty("tables_checked") int tablesChecked,
            @JsonProperty("findings") List<Finding> findings) {
        public boolean clean() {
            return findings.isEmpty();
        }
    }

    public Report audit(String userId) {
        String subjectHash = RecordKeys.subject(hash, userId);
        Map<String, Function<Dataset<Row>, Column>> tables = new LinkedHashMap<>();
        for (Source source : Source.values()) {
            Column user = col(DeletionMatch.userColumn(source)).equalTo(lit(userId));
            tables.put("bronze/" + source.folder(), frame -> user);
            if (source.isContent()) {
                tables.put("silver/" + source.folder(), frame -> user.or(col("subject_id").equalTo(lit(userId))));
            }
        }
        tables.put("quarantine", frame -> col("raw_line").contains("\"" + userId + "\""));
        for (String dataset : GoldTables.list(spark, lake)) {
            tables.put("gold/" + dataset, frame -> col(GoldSchema.SUBJECT_HASH).equalTo(lit(subjectHash)));
        }
        List<Finding> findings = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, Function<Dataset<Row>, Column>> table : tables.entrySet()) {
            String path = lake.path(table.getKey());
            if (!DeltaTables.exists(spark, path)) {
                continue;
            }
            checked++;
            Finding finding = inspect(table.getKey(), path, table.getValue());
            if (!finding.rowsByVersion().isEmpty()) {
                findings.add(finding);
            }
        }
        return new Report(subjectHash, checked, findings);
    }

    private Finding inspect(String table, String path, Function<Dataset<Row>, Column> holds) {
        Map<Long, Long> rowsByVersion = new LinkedHashMap<>();
        List<Long> unreadable = new ArrayList<>();
        List<Row> versions = DeltaTable.forPath(spark, path).history().select("version").orderBy(col("version").desc()).collectAsList();
        for (Row version : versions) {
            long v = version.getLong(0);
            try {
                Dataset<Row> frame = spark.read().format("delta").option("versionAsOf", v).load(path);
                // collect, not count: count may answer from log statistics of files already vacuumed.
                long rows = frame.filter(holds.apply(frame)).select(lit(1)).collectAsList().size();
                if (rows > 0) {
                    rowsByVersion.put(v, rows);
                }
            } catch (RuntimeException e) {
                unreadable.add(v);
            }
        }
        return new Finding(table, rowsByVersion, unreadable);
    }
}
