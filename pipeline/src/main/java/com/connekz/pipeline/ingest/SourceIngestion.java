package com.connekz.pipeline.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.xxhash64;

import com.connekz.pipeline.lake.DeltaTables;
import com.connekz.pipeline.lake.HadoopConf;
import com.connekz.pipeline.run.SourceCounts;
import io.delta.tables.DeltaTable;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.sketch.BloomFilter;

/**
 * Ingests one source's new files into {@code bronze/<source>} in one pass over the files: good lines
 * are merged on the natural key (a record landing again adds nothing; a changed record replaces the
 * old state), bad lines go to quarantine, and every line read is counted exactly once.
 */
final class SourceIngestion {
    private static final String STORED_KEY = "_stored_key";
    private static final String STORED_HASH = "_stored_hash";
    private final SparkSession spark;
    private final Source source;
    private final String bronzePath;
    private final String quarantinePath;
    private final RecordFilter filter;

    SourceIngestion(SparkSession spark, Source source, String bronzePath, String quarantinePath, RecordFilter filter) {
        this.spark = spark;
        this.source = source;
        this.bronzePath = bronzePath;
        this.quarantinePath = quarantinePath;
        this.filter = filter;
    }

    SourceCounts ingest(List<LandedFile> files, String runId, Timestamp ingestedAt) {
        JavaRDD<InternalRow> lines = parse(files, runId, ingestedAt);
        Dataset<Row> parsed = asFrame(lines);
        try {
            Outcomes outcomes = countOutcomes(parsed);
            Map<String, Long> quarantinedByReason = outcomes.badByReason();
            long good = outcomes.good();
            if (!quarantinedByReason.isEmpty()) {
                Quarantine.add(spark, quarantinePath, quarantineRows(parsed));
            }
            Dataset<Row> candidates = parsed.filter(col(ParsedSchema.BAD_REASON).isNull()).select(bronzeColumns());
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
    private JavaRDD<InternalRow> parse(List<LandedFile> files, String runId, Timestamp ingestedAt) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        HadoopConf hadoop = new HadoopConf(spark.sparkContext().hadoopConfiguration());
        return context.parallelize(files, files.size())
                .flatMap(new LandedFileReader(source, runId, ingestedAt, hadoop))
                .persist(StorageLevel.MEMORY_AND_DISK());
    }

    private Dataset<Row> asFrame(JavaRDD<InternalRow> lines) {
        return ((org.apache.spark.sql.classic.SparkSession) spark).internalCreateDataFrame(lines.rdd(),
                ParsedSchema.of(source), false);
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

    private Dataset<Row> quarantineRows(Dataset<Row> parsed) {
        return parsed.filter(col(ParsedSchema.BAD_REASON).isNotNull()).select(
                lit(source.folder()).as("source"),
                col(BronzeSchema.SOURCE_FILE).as("file"),
                col(BronzeSchema.LINE).as("line"),
                col(ParsedSchema.BAD_REASON).as("reason"),
                col(ParsedSchema.BAD_FIELD).as("field"),
                col(ParsedSchema.BAD_MESSAGE).as("message"),
                col(ParsedSchema.RAW_LINE).as("raw_line"),
                col(BronzeSchema.RUN_ID).as("run_id"),
                col(BronzeSchema.INGESTED_AT).as("quarantined_at"));
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
            DeltaTables.create(spark, bronzePath, BronzeSchema.of(source), statsColumns());
            return append(batch);
        }
        Broadcast<BloomFilter> batchKeys = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .broadcast(batch.stat().bloomFilter(source.naturalKey(), Math.max(1, batchRows), 0.01));
        try {
            Dataset<Row> stored = storedKeysAmong(batchKeys);
            return anyKeyStored(batch, stored) ? writeNewOrChanged(newOrChanged(batch, stored)) : append(batch);
        } finally {
            batchKeys.destroy();
        }
    }

    /** Bronze's keys and content hashes, pruned to those that may be among the batch's keys. */
    private Dataset<Row> storedKeysAmong(Broadcast<BloomFilter> batchKeys) {
        return spark.read().format("delta").load(bronzePath)
                .select(col(source.naturalKey()).as(STORED_KEY), col(BronzeSchema.CONTENT_HASH).as(STORED_HASH))
                .filter(mayBeAmong(batchKeys).apply(col(STORED_KEY)));
    }

    /** Whether bronze holds any of the batch's keys: a join of keys only, not of the batch's rows. */
    private boolean anyKeyStored(Dataset<Row> batch, Dataset<Row> stored) {
        String key = source.naturalKey();
        return stored.join(batch.select(col(key)), col(STORED_KEY).equalTo(col(key)), "left_semi").count() > 0;
    }

    /** The batch's records that bronze does not hold with the same content, and the stored key of those it holds. */
    private Dataset<Row> newOrChanged(Dataset<Row> batch, Dataset<Row> stored) {
        return batch.join(stored, col(source.naturalKey()).equalTo(col(STORED_KEY)), "left_outer")
                .filter(col(STORED_HASH).isNull().or(col(STORED_HASH).notEqual(col(BronzeSchema.CONTENT_HASH))));
    }

    /** Appends the new-or-changed records, or merges them when some replace a stored one; returns the rows written. */
    private long writeNewOrChanged(Dataset<Row> records) {
        Dataset<Row> newOrChanged = records.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long replacing = 0;
            long all = 0;
            for (Row row : newOrChanged.groupBy(col(STORED_KEY).isNotNull()).count().collectAsList()) {
                replacing += row.getBoolean(0) ? row.getLong(1) : 0;
                all += row.getLong(1);
            }
            if (all == 0) {
                return 0;
            }
            if (replacing == 0) {
                return append(newOrChanged.select(bronzeColumns()));
            }
            String key = source.naturalKey();
            DeltaTable.forPath(spark, bronzePath).as("b")
                    .merge(newOrChanged.select(bronzeColumns()).as("n"), "b." + key + " = n." + key)
                    .whenMatched().updateAll()
                    .whenNotMatched().insertAll()
                    .execute();
            DeltaTables.Commit merge = lastCommit();
            return merge.metric("numTargetRowsInserted", 0) + merge.metric("numTargetRowsUpdated", 0);
        } finally {
            newOrChanged.unpersist();
        }
    }

    /**
     * Whether a stored key may be among the batch's keys, by a Bloom filter of them: no false
     * negatives, about one false positive in a hundred. Pruning bronze with it before the join leaves
     * the join's shuffle the re-landed keys and a few others instead of every stored key.
     */
    private static UserDefinedFunction mayBeAmong(Broadcast<BloomFilter> keys) {
        return udf((UDF1<String, Boolean>) key -> key == null || keys.value().mightContainString(key), DataTypes.BooleanType);
    }

    private long append(Dataset<Row> rows) {
        rows.write().format("delta").mode("append").save(bronzePath);
        return lastCommit().metric("numOutputRows", 0);
    }

    private DeltaTables.Commit lastCommit() {
        return DeltaTables.latestCommit(spark, bronzePath).orElseThrow();
    }

    /** Only non-personal columns get statistics in the transaction log. */
    private List<String> statsColumns() {
        return List.of(source.createdAtField(), BronzeSchema.RUN_ID, BronzeSchema.LINE, BronzeSchema.INGESTED_AT);
    }

    private Column[] bronzeColumns() {
        return Arrays.stream(BronzeSchema.of(source).fieldNames()).map(org.apache.spark.sql.functions::col)
                .toArray(Column[]::new);
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
