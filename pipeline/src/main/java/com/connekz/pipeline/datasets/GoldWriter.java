package com.connekz.pipeline.datasets;

import com.connekz.pipeline.lake.DeltaTables;

import static com.connekz.pipeline.datasets.GoldSchema.CONTENT_HASH;
import static com.connekz.pipeline.datasets.GoldSchema.EXAMPLE_ID;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;

import io.delta.tables.DeltaTable;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Brings one gold table to exactly the given examples with the fewest changes: inserts new
 * examples, updates those whose content changed, deletes those no longer wanted, and commits
 * nothing at all when there is nothing to change, so every version of a gold table is a real change.
 */
public final class GoldWriter {
    private static final String USER_METADATA = "spark.databricks.delta.commitInfo.userMetadata";
    /** The properties of a new gold table: statistics of non-personal columns only, no change data feed. */
    static final Map<String, String> NEW_TABLE_PROPERTIES = DeltaTables.properties(GoldSchema.STATS_COLUMNS);
    private final SparkSession spark;

    public GoldWriter(SparkSession spark) {
        this.spark = spark;
    }

    /** How one table changed; {@code version} is empty when nothing was committed. */
    public record Change(long inserted, long updated, long deleted, OptionalLong version) {
        public boolean committed() {
            return version.isPresent();
        }
    }

    /**
     * Makes the table at {@code path} hold {@code wanted} (gold rows of one tenant, whose
     * {@link ContentFingerprint} is {@code fingerprint}); inside {@link #committingAs} its commit
     * carries the build's metadata. A missing table is created with statistics limited to
     * {@link GoldSchema#STATS_COLUMNS} and without change data feed, whose pre-images would keep
     * deleted examples.
     *
     * <p>{@code holds} is what the table's latest version is known to hold (see {@link GoldContents}).
     * When it is the same fingerprint, nothing is read or written. When it differs, the table is
     * merged at once, the counts taken from the merge's own metrics. Only a table whose content is
     * not known (its latest commit is a deletion's rewrite, or came before fingerprints) is compared
     * row by row first, so that an unchanged table never gets a new version.
     *
     * @param latest the table's latest version as the caller read it before deciding {@code holds}
     *     (empty: no table yet)
     * @param holds what that version holds, when known
     */
    public Change write(String path, Dataset<Row> wanted, ContentFingerprint fingerprint, OptionalLong latest,
                        Optional<ContentFingerprint> holds) {
        return write(path, wanted, fingerprint, latest, holds, Optional.empty());
    }

    /**
     * As {@link #write(String, Dataset, ContentFingerprint, OptionalLong, Optional)}, with the table's
     * difference from the wanted examples already known ({@link GoldDiff}): no difference commits
     * nothing, any other is merged. (A table that only gains examples is appended to by
     * {@link GoldFanOut} with the build's other such tables, not here.)
     */
    Change write(String path, Dataset<Row> wanted, ContentFingerprint fingerprint, OptionalLong latest,
                 Optional<ContentFingerprint> holds, Optional<GoldDiff.Counts> diff) {
        if (latest.isEmpty()) {
            if (fingerprint.examples() == 0) {
                return new Change(0, 0, 0, OptionalLong.empty());
            }
            create(path, wanted);
            return new Change(fingerprint.examples(), 0, 0, DeltaTables.version(spark, path));
        }
        if (holds.isPresent() && holds.get().equals(fingerprint)) {
            return new Change(0, 0, 0, OptionalLong.empty());
        }
        if (diff.isPresent()) {
            if (diff.get().none()) {
                return new Change(0, 0, 0, OptionalLong.empty());
            }
        } else if (holds.isEmpty() && !differs(path, wanted)) {
            return new Change(0, 0, 0, OptionalLong.empty());
        }
        merge(path, wanted);
        DeltaTables.Commit merge = DeltaTables.latestCommit(spark, path).orElseThrow();
        if (merge.version() == latest.getAsLong()) {
            return new Change(0, 0, 0, OptionalLong.empty());
        }
        return new Change(merge.metric("numTargetRowsInserted", 0), merge.metric("numTargetRowsUpdated", 0),
                merge.metric("numTargetRowsDeleted", 0), OptionalLong.of(merge.version()));
    }

    /** Whether the table holds other examples, or other content of one, than {@code wanted}: one join. */
    private boolean differs(String path, Dataset<Row> wanted) {
        Dataset<Row> current = spark.read().format("delta").load(path).select(EXAMPLE_ID, CONTENT_HASH);
        return !wanted.select(EXAMPLE_ID, CONTENT_HASH).as("w")
                .join(current.as("c"), col("w." + EXAMPLE_ID).equalTo(col("c." + EXAMPLE_ID)), "full_outer")
                .filter(not(col("w." + CONTENT_HASH).eqNullSafe(col("c." + CONTENT_HASH))))
                .isEmpty();
    }

    /**
     * Runs {@code writes} with {@code metadata} as the user metadata of every commit they make, from
     * any thread, restoring the session's previous setting afterwards so no other write carries it.
     */
    public <T> T committingAs(BuildMetadata metadata, Supplier<T> writes) {
        String previous = spark.conf().getOption(USER_METADATA).getOrElse(() -> null);
        spark.conf().set(USER_METADATA, metadata.toJson());
        try {
            return writes.get();
        } finally {
            if (previous == null) {
                spark.conf().unset(USER_METADATA);
            } else {
                spark.conf().set(USER_METADATA, previous);
            }
        }
    }

    /**
     * A plain write, not {@code CREATE TABLE AS SELECT}: Delta takes {@code delta.*} write options of a
     * new table as its properties, and skips the SQL statement's parsing and the empty snapshot it
     * builds first (about a tenth of each table's cost, over hundreds of instance tables).
     */
    private void create(String path, Dataset<Row> wanted) {
        wanted.write().format("delta").mode("errorifexists").options(NEW_TABLE_PROPERTIES).save(path);
    }

    private void merge(String path, Dataset<Row> wanted) {
        DeltaTable.forPath(spark, path).as("t")
                .merge(wanted.as("s"), "t." + EXAMPLE_ID + " = s." + EXAMPLE_ID)
                .whenMatched("t." + CONTENT_HASH + " <> s." + CONTENT_HASH).updateAll()
                .whenNotMatched().insertAll()
                .whenNotMatchedBySource().delete()
                .execute();
    }
}
