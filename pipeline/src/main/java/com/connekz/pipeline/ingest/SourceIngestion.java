package com.connekz.pipeline.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.xxhash64;

import com.connekz.pipeline.lake.DeltaTables;
import com.connekz.pipeline.run.SourceCounts;
import io.delta.tables.DeltaTable;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.storage.StorageLevel;

/**
 * Ingests one source's new files into {@code bronze/<source>}: good lines are merged on the natural
 * key (a record landing again adds nothing; a changed record replaces the old state), bad lines go
 * to quarantine, and every line read is counted exactly once. A batch of new records only, the
 * usual night, takes one read of the files ({@link OnePassIngestion}); any other takes the general
 * path here, which caches the parsed lines and reads them several times.
 */
final class SourceIngestion {
    private final SparkSession spark;
    private final Source source;
    private final String bronzePath;
    private final String quarantinePath;
    private final RecordFilter filter;

    private final OnePassIngestion onePass;

    SourceIngestion(SparkSession spark, Source source, String bronzePath, String quarantinePath, RecordFilter filter) {
        this.spark = spark;
        this.source = source;
        this.bronzePath = bronzePath;
        this.quarantinePath = quarantinePath;
        this.filter = filter;
        this.onePass = new OnePassIngestion(spark, source, bronzePath, quarantinePath, filter);
    }

    /**
     * Ingests {@code files} in one read when their records are all new ({@link OnePassIngestion}),
     * else by the general path: the parsed lines cached, counted, ranked per natural key when one
     * repeats, and merged with what bronze holds.
     */
    SourceCounts ingest(List<LandedFile> files, String runId, Timestamp ingestedAt) {
        List<LandedSlice> slices = LandedSlices.of(spark, files);
        return onePass.ingest(slices, runId, ingestedAt).orElseGet(() -> ingestGenerally(slices, runId, ingestedAt));
    }

    /**
     * The general path, taken when one pass cannot append the batch as it is; package-private to
     * test it against the stage's own choice.
     */
    SourceCounts ingestGenerally(List<LandedSlice> slices, String runId, Timestamp ingestedAt) {
        JavaRDD<InternalRow> lines = parse(slices, runId, ingestedAt);
        Dataset<Row> parsed = LandedLines.frame(spark, source, lines);
        try {
            Outcomes outcomes = countOutcomes(parsed);
            Map<String, Long> quarantinedByReason = outcomes.badByReason();
            long good = outcomes.good();
            if (!quarantinedByReason.isEmpty()) {
                Quarantine.add(spark, quarantinePath, LandedLines.quarantineRows(source, parsed));
            }
            Dataset<Row> candidates = parsed.filter(col(ParsedSchema.BAD_REASON).isNull()).select(bronzeColumns(source));
            Dataset<Row> admitted = filter.admit(candidates, source);
            long deleted = admitted == candidates ? 0 : good - admitted.count();
            long written = good - deleted == 0 ? 0
                    : write(outcomes.keyMayRepeat() ? latestPerKey(admitted) : admitted, good - deleted);
            long duplicate = good - deleted - written;
            SourceCounts counts = SourceCounts.ingested(good + total(quarantinedByReason), written + deleted,
                    duplicate, quarantinedByReason);
            return deleted == 0 ? counts : counts.plus(SourceCounts.governed(0, Map.of("deleted", deleted)));
        } finally {
            lines.unpersist(false);
        }
    }

    /**
     * Every line of the files as a compact internal row, read once: the counts, quarantine and write
     * all read this cache. Cached as rows rather than as a Dataset, whose columnar cache spent more
     * time encoding than the parse itself.
     */
    private JavaRDD<InternalRow> parse(List<LandedSlice> slices, String runId, Timestamp ingestedAt) {
        return LandedLines.read(spark, source, slices, runId, ingestedAt).persist(StorageLevel.MEMORY_AND_DISK());
    }

    /**
     * What one aggregation over the parsed lines found: how many are good, bad ones by reason, and
     * whether a natural key may occur twice among the good ones. Keys are compared by a 64-bit hash:
     * two keys that share one only cost the ranking of a batch that needed none, never a lost row.
     */
    record Outcomes(long good, long distinctGoodKeyHashes, Map<String, Long> badByReason) {
        boolean keyMayRepeat() {
            return distinctGoodKeyHashes < good;
        }
    }

    private Outcomes countOutcomes(Dataset<Row> parsed) {
        long good = 0;
        long distinctKeyHashes = 0;
        Map<String, Long> badByReason = new TreeMap<>();
        for (Row row : parsed.groupBy(ParsedSchema.BAD_REASON)
                .agg(count(lit(1)), countDistinct(xxhash64(col(source.naturalKey())))).collectAsList()) {
            if (row.isNullAt(0)) {
                good = row.getLong(1);
                distinctKeyHashes = row.getLong(2);
            } else {
                badByReason.put(row.getString(0), row.getLong(1));
            }
        }
        return new Outcomes(good, distinctKeyHashes, badByReason);
    }

    /** Within one batch, the last landing of a key wins (later day folder, later file, later line). */
    private Dataset<Row> latestPerKey(Dataset<Row> rows) {
        Column newestFirst = row_number().over(Window.partitionBy(source.naturalKey())
                .orderBy(col(BronzeSchema.SOURCE_FILE).desc(), col(BronzeSchema.LINE).desc()));
        return rows.withColumn("_rank", newestFirst).filter(col("_rank").equalTo(1)).drop("_rank");
    }

    /**
     * Writes the batch and returns how many rows it inserted or updated, from Delta's commit
     * metrics. When bronze holds none of the batch's keys (a new day's records, the usual night),
     * found by a join of the keys alone, the batch is appended as it is. Otherwise records bronze
     * already holds with the same content are left out first, by a join on keys and content hashes;
     * what is left is appended when none of its keys is in bronze, and merged on the natural key only
     * when some record replaces an older state: a MERGE would otherwise rewrite every file holding a
     * re-landed key. The checks and the write are not one transaction: bronze has one writer, the
     * nightly run.
     */
    private long write(Dataset<Row> batch, long batchRows) {
        if (!DeltaTables.exists(spark, bronzePath)) {
            DeltaTables.create(spark, bronzePath, BronzeSchema.of(source), statsColumns(source));
            return append(batch);
        }
        try (StoredKeys stored = new StoredKeys(spark, bronzePath, source.naturalKey(), batch, batchRows)) {
            return stored.anyOf(batch) ? writeNewOrChanged(newOrChanged(batch, stored.frame())) : append(batch);
        }
    }

    /** The batch's records that bronze does not hold with the same content, and the stored key of those it holds. */
    private Dataset<Row> newOrChanged(Dataset<Row> batch, Dataset<Row> stored) {
        return batch.join(stored, col(source.naturalKey()).equalTo(col(StoredKeys.KEY)), "left_outer")
                .filter(col(StoredKeys.HASH).isNull().or(col(StoredKeys.HASH).notEqual(col(BronzeSchema.CONTENT_HASH))));
    }

    /** Appends the new-or-changed records, or merges them when some replace a stored one; returns the rows written. */
    private long writeNewOrChanged(Dataset<Row> records) {
        Dataset<Row> newOrChanged = records.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long replacing = 0;
            long all = 0;
            for (Row row : newOrChanged.groupBy(col(StoredKeys.KEY).isNotNull()).count().collectAsList()) {
                replacing += row.getBoolean(0) ? row.getLong(1) : 0;
                all += row.getLong(1);
            }
            if (all == 0) {
                return 0;
            }
            if (replacing == 0) {
                return append(newOrChanged.select(bronzeColumns(source)));
            }
            String key = source.naturalKey();
            DeltaTable.forPath(spark, bronzePath).as("b")
                    .merge(newOrChanged.select(bronzeColumns(source)).as("n"), "b." + key + " = n." + key)
                    .whenMatched().updateAll()
                    .whenNotMatched().insertAll()
                    .execute();
            DeltaTables.Commit merge = lastCommit();
            return merge.metric("numTargetRowsInserted", 0) + merge.metric("numTargetRowsUpdated", 0);
        } finally {
            newOrChanged.unpersist();
        }
    }

    private long append(Dataset<Row> rows) {
        rows.write().format("delta").mode("append").save(bronzePath);
        return lastCommit().metric("numOutputRows", 0);
    }

    private DeltaTables.Commit lastCommit() {
        return DeltaTables.latestCommit(spark, bronzePath).orElseThrow();
    }

    /** Only non-personal columns get statistics in the transaction log. */
    static List<String> statsColumns(Source source) {
        return List.of(source.createdAtField(), BronzeSchema.RUN_ID, BronzeSchema.LINE, BronzeSchema.INGESTED_AT);
    }

    /** Bronze's columns of {@code source}, in its order. */
    static Column[] bronzeColumns(Source source) {
        return Arrays.stream(BronzeSchema.of(source).fieldNames()).map(org.apache.spark.sql.functions::col)
                .toArray(Column[]::new);
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
