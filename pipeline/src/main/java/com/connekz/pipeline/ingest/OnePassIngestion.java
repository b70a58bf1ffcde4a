package com.connekz.pipeline.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.xxhash64;

import com.connekz.pipeline.lake.DeltaAppend;
import com.connekz.pipeline.lake.DeltaTables;
import com.connekz.pipeline.run.SourceCounts;
import com.connekz.pipeline.spark.PartitionEntries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.OptimisticTransaction;
import org.apache.spark.sql.delta.actions.AddFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The usual night's ingestion of one source, in a single read of its landed files: the tasks that
 * parse the lines write the good ones into bronze's folder through bronze's own transaction
 * (uncommitted: no version references them yet) and take the bad ones out, counting both. Then
 * the written files' keys alone are checked: when no natural key repeats among them and bronze
 * holds none of them, the bad lines go to quarantine and the files are committed to bronze as one
 * append (or as the table's first version).
 *
 * <p>Otherwise (a record landed twice, or again after an earlier night) the written files are
 * deleted, nothing is committed, and the result is empty: the caller then ingests the batch by the
 * general path, which ranks and merges on the natural key. A slice whose outcome did not reach the
 * driver also gives an empty result, never a guessed count.
 */
final class OnePassIngestion {
    private static final Logger LOG = LoggerFactory.getLogger(OnePassIngestion.class);

    private final SparkSession spark;
    private final Source source;
    private final String bronzePath;
    private final String quarantinePath;
    private final RecordFilter filter;
    private final long maxKeptBytes;

    OnePassIngestion(SparkSession spark, Source source, String bronzePath, String quarantinePath, RecordFilter filter) {
        this(spark, source, bronzePath, quarantinePath, filter, GoodLinesOnly.MAX_KEPT_BYTES);
    }

    /** @param maxKeptBytes the raw text of bad lines the tasks keep in all; a slice past its share is read again for them */
    OnePassIngestion(SparkSession spark, Source source, String bronzePath, String quarantinePath, RecordFilter filter,
                     long maxKeptBytes) {
        this.spark = spark;
        this.source = source;
        this.bronzePath = bronzePath;
        this.quarantinePath = quarantinePath;
        this.filter = filter;
        this.maxKeptBytes = maxKeptBytes;
    }

    /** The batch's counts once committed, or empty when it needs the general path (nothing then changed). */
    Optional<SourceCounts> ingest(List<LandedSlice> slices, String runId, Timestamp ingestedAt) {
        PartitionEntries<SliceOutcome> outcomes = new PartitionEntries<>();
        spark.sparkContext().register(outcomes, "line outcomes of " + source.folder());
        JavaRDD<InternalRow> good = LandedLines.read(spark, source, slices, runId, ingestedAt)
                .mapPartitionsWithIndex(new GoodLinesOnly(outcomes, source, SliceShares.of(slices, maxKeptBytes),
                        SliceShares.of(slices, KeyHashes.MAX_KEPT)), true);
        Dataset<Row> admitted = filter.admit(LandedLines.frame(spark, source, good).select(SourceIngestion.bronzeColumns(source)), source);
        boolean exists = DeltaTables.exists(spark, bronzePath);
        OptimisticTransaction txn = DeltaLog.forTable(spark, bronzePath).startTransaction();
        if (!exists) {
            txn.updateMetadataForNewTable(DeltaAppend.newTable(BronzeSchema.of(source).asNullable(), List.of(), properties()));
        }
        List<AddFile> written = DeltaAppend.writeUncommitted(txn, admitted);
        long writtenRows = written.stream().mapToLong(DeltaAppend::numRecords).sum();
        Map<Integer, SliceOutcome> bySlice = outcomes.value();
        Optional<String> needsGeneralPath = bySlice.size() != slices.size()
                ? Optional.of("the outcome of " + (slices.size() - bySlice.size()) + " slice(s) of files did not arrive")
                : written.isEmpty() ? Optional.empty() : keysNotNew(written, writtenRows, exists, bySlice);
        if (needsGeneralPath.isPresent()) {
            LOG.info("ingest {}: {}; ingesting by the general path", source.folder(), needsGeneralPath.get());
            discard(written);
            return Optional.empty();
        }
        long goodLines = bySlice.values().stream().mapToLong(SliceOutcome::good).sum();
        Map<String, Long> badByReason = badByReason(bySlice);
        if (!badByReason.isEmpty()) {
            Quarantine.add(spark, quarantinePath, badLines(slices, bySlice, runId, ingestedAt));
        }
        if (!written.isEmpty()) {
            DeltaAppend.commit(spark, txn, written, !exists);
        }
        long deleted = goodLines - writtenRows;
        long bad = badByReason.values().stream().mapToLong(Long::longValue).sum();
        SourceCounts counts = SourceCounts.ingested(goodLines + bad, goodLines, 0, badByReason);
        return Optional.of(deleted == 0 ? counts : counts.plus(SourceCounts.governed(0, Map.of("deleted", deleted))));
    }

    private static Map<String, Long> badByReason(Map<Integer, SliceOutcome> bySlice) {
        Map<String, Long> badByReason = new TreeMap<>();
        bySlice.values().forEach(slice -> slice.badByReason().forEach((reason, n) -> badByReason.merge(reason, n, Long::sum)));
        return badByReason;
    }

    /** Deletes written files that will not be committed: no version references them, and they hold landed records. */
    private void discard(List<AddFile> written) {
        try {
            FileSystem fs = new Path(bronzePath).getFileSystem(spark.sparkContext().hadoopConfiguration());
            for (AddFile file : written) {
                fs.delete(new Path(bronzePath, file.path()), false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete uncommitted files in " + bronzePath, e);
        }
    }

    /**
     * Why the written rows cannot simply be appended, if they cannot: a natural key repeats among
     * them (compared by a 64-bit hash: a collision only sends the batch down the general path), or
     * bronze already holds one. Repeats are found from the hashes the tasks kept ({@link KeyHashes});
     * only when they kept none, and to ask bronze, is the key column of the written files read.
     */
    private Optional<String> keysNotNew(List<AddFile> written, long writtenRows, boolean exists,
                                        Map<Integer, SliceOutcome> bySlice) {
        boolean mayRepeat = KeyHashes.anyRepeats(bySlice.values().stream().map(SliceOutcome::keyHashes).toList())
                .orElseGet(() -> anyKeyRepeats(writtenKeys(written)));
        if (mayRepeat) {
            return Optional.of("a natural key may repeat within the batch");
        }
        if (!exists) {
            return Optional.empty();
        }
        Dataset<Row> keys = writtenKeys(written);
        try (StoredKeys stored = new StoredKeys(spark, bronzePath, source.naturalKey(), keys, writtenRows)) {
            return stored.anyOf(keys) ? Optional.of("bronze holds some of the batch's keys") : Optional.empty();
        }
    }

    private boolean anyKeyRepeats(Dataset<Row> keys) {
        Row tally = keys.agg(count(lit(1)), countDistinct(xxhash64(col(source.naturalKey())))).first();
        return tally.getLong(1) < tally.getLong(0);
    }

    /** The natural-key column of the written files (reading it resolves their schema: only when asked). */
    private Dataset<Row> writtenKeys(List<AddFile> written) {
        String[] paths = written.stream().map(file -> bronzePath + "/" + file.path()).toArray(String[]::new);
        return spark.read().parquet(paths).select(col(source.naturalKey()));
    }

    /**
     * The bad lines as quarantine rows: those the tasks kept, and those of slices with more bad lines
     * than a task keeps, read again.
     */
    private Dataset<Row> badLines(List<LandedSlice> slices, Map<Integer, SliceOutcome> bySlice, String runId,
                                  Timestamp ingestedAt) {
        List<InternalRow> kept = new ArrayList<>();
        List<LandedSlice> readAgain = new ArrayList<>();
        bySlice.values().forEach(slice -> {
            if (slice.overflowed()) {
                readAgain.add(slices.get(slice.partition()));
            } else {
                kept.addAll(slice.badRows());
            }
        });
        JavaRDD<InternalRow> keptRows = JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(kept, 1);
        Dataset<Row> bad = LandedLines.quarantineRows(source, LandedLines.frame(spark, source, keptRows));
        return readAgain.isEmpty() ? bad : bad.unionByName(LandedLines.quarantineRows(source,
                LandedLines.frame(spark, source, LandedLines.read(spark, source, readAgain, runId, ingestedAt))));
    }

    /** What a created bronze table is configured with, and what decides the written files' statistics. */
    private Map<String, String> properties() {
        return DeltaTables.properties(SourceIngestion.statsColumns(source));
    }
}
