package com.connekz.pipeline.datasets;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode_outer;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import com.connekz.pipeline.consent.ConsentPurpose;
import com.connekz.pipeline.hashing.KeyedHash;
import com.connekz.pipeline.ingest.Source;
import com.connekz.pipeline.lake.DeltaTables;
import com.connekz.pipeline.lake.Lake;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What changed between two versions of a dataset, example by example, and why examples left it.
 * Compares by {@code example_id} and {@code content_hash} only, so it reads no training text; it
 * names examples by their keyed-hash ids, never by a raw identifier.
 */
public final class VersionDiff {
    public static final String ADDED = "added";
    public static final String REMOVED = "removed";
    public static final String CHANGED = "changed";

    /** None of the example's source records is left in bronze: a deletion request erased them. */
    public static final String DELETION = "deletion";
    /** The subject's latest consent event for the dataset's purpose withdraws it. */
    public static final String WITHDRAWAL = "withdrawal";
    /** Its records are still there and consent stands: another rule (age, account, tenancy) dropped it. */
    public static final String OTHER = "other_policy";

    private final SparkSession spark;
    private final Lake lake;
    private final KeyedHash hash;
    private final Datasets datasets;

    public VersionDiff(SparkSession spark, Lake lake, KeyedHash hash) {
        this.spark = spark;
        this.lake = lake;
        this.hash = hash;
        this.datasets = new Datasets(spark, lake);
    }

    /** One example that differs; {@code reason} is set for removed examples only. */
    public record Change(
            @JsonProperty("example_id") String exampleId,
            @JsonProperty("change") String change,
            @JsonProperty("kind") String kind,
            @JsonProperty("reason") String reason) {}

    /**
     * The difference; {@code changes} lists at most the requested number of examples (removed
     * first), the counts are always complete.
     */
    public record Result(
            @JsonProperty("dataset") String dataset,
            @JsonProperty("from_version") long fromVersion,
            @JsonProperty("to_version") long toVersion,
            @JsonProperty("added") long added,
            @JsonProperty("removed") long removed,
            @JsonProperty("changed") long changed,
            @JsonProperty("unchanged") long unchanged,
            @JsonProperty("removed_by_reason") Map<String, Long> removedByReason,
            @JsonProperty("changes") List<Change> changes) {}

    /**
     * Compares version {@code from} with {@code to} (latest when empty) of dataset {@code name}.
     * Reasons are judged against the lake as it is now: a removed example is a deletion when none of
     * its source records remains in bronze, else a withdrawal when its subject has withdrawn.
     *
     * @throws IllegalArgumentException when the dataset or a version does not exist
     */
    public Result compare(String name, long from, Optional<Long> to, int listed) {
        long older = datasets.resolve(name, Optional.of(from));
        long newer = datasets.resolve(name, to);
        Dataset<Row> before = datasets.read(name, older).select(col(GoldSchema.EXAMPLE_ID).as("id"),
                col(GoldSchema.KIND).as("old_kind"), col(GoldSchema.CONTENT_HASH).as("old_hash"),
                col(GoldSchema.SUBJECT_HASH).as("subject"), col(GoldSchema.SOURCE_RECORD_KEYS).as("records"));
        Dataset<Row> after = datasets.read(name, newer).select(col(GoldSchema.EXAMPLE_ID).as("id"),
                col(GoldSchema.KIND).as("new_kind"), col(GoldSchema.CONTENT_HASH).as("new_hash"));
        Dataset<Row> joined = before.join(after, before.col("id").equalTo(after.col("id")), "full_outer")
                .select(coalesce(before.col("id"), after.col("id")).as("id"),
                        coalesce(col("old_kind"), col("new_kind")).as("kind"),
                        when(col("old_hash").isNull(), lit(ADDED))
                                .when(col("new_hash").isNull(), lit(REMOVED))
                                .when(col("old_hash").notEqual(col("new_hash")), lit(CHANGED))
                                .otherwise(lit("unchanged")).as("change"),
                        col("subject"), col("records"));
        Dataset<Row> removed = joined.filter(col("change").equalTo(REMOVED));
        Dataset<Row> explained = removed.join(erased(removed), "id")
                .join(withdrawn(name), col("subject").equalTo(col("withdrawn_subject")), "left")
                .select(col("id"), col("kind"), col("change"),
                        when(col("erased"), lit(DELETION))
                                .when(col("withdrawn_subject").isNotNull(), lit(WITHDRAWAL))
                                .otherwise(lit(OTHER)).as("reason"))
                .persist();
        try {
            Map<String, Long> counts = new TreeMap<>();
            for (Row row : joined.groupBy("change").count().collectAsList()) {
                counts.put(row.getString(0), row.getLong(1));
            }
            Map<String, Long> byReason = new TreeMap<>();
            for (Row row : explained.groupBy("reason").count().collectAsList()) {
                byReason.put(row.getString(0), row.getLong(1));
            }
            List<Change> changes = new ArrayList<>();
            for (Row row : explained.orderBy("id").limit(listed).collectAsList()) {
                changes.add(new Change(row.getString(0), REMOVED, row.getString(1), row.getString(3)));
            }
            int left = Math.max(0, listed - changes.size());
            for (Row row : joined.filter(col("change").isin(ADDED, CHANGED)).orderBy("change", "id").limit(left)
                    .select("id", "change", "kind").collectAsList()) {
                changes.add(new Change(row.getString(0), row.getString(1), row.getString(2), null));
            }
            return new Result(name, older, newer, counts.getOrDefault(ADDED, 0L), counts.getOrDefault(REMOVED, 0L),
                    counts.getOrDefault(CHANGED, 0L), counts.getOrDefault("unchanged", 0L), byReason, changes);
        } finally {
            explained.unpersist();
        }
    }

    /** Per removed example: whether none of its source records is left in bronze. */
    private Dataset<Row> erased(Dataset<Row> removed) {
        Dataset<Row> records = removed.select(col("id"), explode_outer(col("records")).as("record"));
        Dataset<Row> remaining = null;
        for (Source source : Source.content()) {
            String path = lake.bronze(source);
            if (DeltaTables.exists(spark, path)) {
                Dataset<Row> keys = spark.read().format("delta").load(path)
                        .select(RecordKeys.record(hash, source, col(source.naturalKey())).as("kept"));
                remaining = remaining == null ? keys : remaining.union(keys);
            }
        }
        Column kept = lit(false);
        if (remaining != null) {
            records = records.join(remaining.distinct(), col("record").equalTo(col("kept")), "left");
            kept = col("kept").isNotNull();
        }
        return records.groupBy("id").agg(max(kept.cast("int")).as("any_kept"))
                .select(col("id"), not(col("any_kept").equalTo(1)).as("erased"));
    }

    /** Subjects whose latest consent event for the dataset's purpose is a withdrawal (a tie withdraws). */
    private Dataset<Row> withdrawn(String name) {
        String path = lake.bronze(Source.CONSENT);
        // The assistant dataset is named after its tenant; every other dataset is an instance's.
        ConsentPurpose purpose = name.equals(GoldTables.ASSISTANT_TENANT) ? ConsentPurpose.MODEL_TRAINING
                : ConsentPurpose.INSTANCE_TRAINING;
        if (!DeltaTables.exists(spark, path)) {
            return spark.emptyDataFrame().withColumn("withdrawn_subject", lit(null).cast("string"));
        }
        Dataset<Row> events = spark.read().format("delta").load(path)
                .filter(col("purpose").equalTo(purpose.code()));
        Dataset<Row> latest = events.groupBy("user_id").agg(max("effective_at").as("latest_at"));
        return events.join(latest, "user_id")
                .filter(col("effective_at").equalTo(col("latest_at")).and(col("granted").equalTo(false)))
                .select(RecordKeys.subject(hash, col("user_id")).as("withdrawn_subject"))
                .distinct();
    }
}
