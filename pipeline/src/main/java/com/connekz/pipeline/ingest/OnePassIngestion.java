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
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingestion of one source in a single read of its landed files: the tasks that parse the lines
 * write the good ones into bronze's folder through bronze's own transaction (uncommitted: no
 * version references them yet) and take the bad ones out, counting both. The bad lines go to
 * quarantine. Then the written rows' keys are checked: when no natural key repeats among them and
 * bronze holds none of them (the usual night), the files are committed to bronze as one append (or
 * as the table's first version).
 *
 * <p>Otherwise (a user's state landed on two days of the batch, a record landed again) the rows are
 * read back from the written files and stored by a {@link KeyedWrite}, which ranks and merges them
 * on the natural key, and the written files are deleted; the landed files are not read again. Only
 * when a slice's outcome did not reach the driver is the result empty, never a guessed count: the
 * written files are deleted, nothing has changed, and the caller takes the general path.
 */
final class OnePassIngestion {
    private static final Logger LOG = LoggerFactory.getLogger(OnePassIngestion.class);

    private final SparkSession spark;
    private final Source source;
    private final String bronzePath;
    private final String quarantinePath;
    private final RecordFilter filter;
    private final KeyedWrite keyedWrite;
    private final long maxKeptBytes;

    /**
     * Writes rows whose natural keys may repeat or be in bronze already; returns the rows it
     * inserted or updated.
     */
    @FunctionalInterface
    interface KeyedWrite {
        long write(Dataset<Row> rows, long rowCount, boolean keyMayRepeat);
    }

    OnePassIngestion(SparkSession spark, Source source, String bronzePath, String quarantinePath, RecordFilter filter,
                     KeyedWrite keyedWrite) {
        this(spark, source, bronzePath, quarantinePath, filter, keyedWrite, GoodLinesOnly.MAX_KEPT_BYTES);
    }

    /** @param maxKeptBytes the raw text of bad lines each task keeps per slice; past it the slice is read again for them */
    OnePassIngestion(SparkSession spark, Source source, String bronzePath, String quarantinePath, RecordFilter filter,
                     KeyedWrite keyedWrite, long maxKeptBytes) {
        this.keyedWrite = keyedWrite;
        this.spark = spark;
        this.source = source;
        this.bronzePath = bronzePath;
        this.quarantinePath = quarantinePath;
        this.filter = filter;
        this.maxKeptBytes = maxKeptBytes;
    }

    /** The batch's counts once stored, or empty when it needs the general path (nothing then changed). */
    Optional<SourceCounts> ingest(List<LandedSlice> slices, String runId, Timestamp ingestedAt) {
        PartitionEntries<SliceOutcome> outcomes = new PartitionEntries<>();
        spark.sparkContext().register(outcomes, "line outcomes of " + source.folder());
        JavaRDD<InternalRow> good = LandedLines.read(spark, source, slices, runId, ingestedAt)
                .mapPartitionsWithIndex(new GoodLinesOnly(outcomes, source, maxKeptBytes), true);
        Dataset<Row> admitted = filter.admit(LandedLines.frame(spark, source, good).select(SourceIngestion.bronzeColumns(source)), source);
        boolean exists = DeltaTables.exists(spark, bronzePath);
        OptimisticTransaction txn = DeltaLog.forTable(spark, bronzePath).startTransaction();
        if (!exists) {
            txn.updateMetadataForNewTable(DeltaAppend.newTable(BronzeSchema.of(source).asNullable(), List.of(), properties()));
        }
        List<AddFile> written = DeltaAppend.writeUncommitted(txn, admitted);
        Map<Integer, SliceOutcome> bySlice = outcomes.value();
        if (bySlice.size() != slices.size()) {
            LOG.info("ingest {}: the outcome of {} slice(s) of files did not arrive; ingesting by the general path",
                    source.folder(), slices.size() - bySlice.size());
            discard(written);
            return Optional.empty();
        }
        long goodLines = bySlice.values().stream().mapToLong(SliceOutcome::good).sum();
        Map<String, Long> badByReason = badByReason(bySlice);
        if (!badByReason.isEmpty()) {
            Quarantine.add(spark, quarantinePath, badLines(slices, bySlice, runId, ingestedAt));
        }
        long admittedRows = written.stream().mapToLong(DeltaAppend::numRecords).sum();
        long stored = written.isEmpty() ? 0 : store(txn, written, admittedRows, exists, bySlice);
        long deleted = goodLines - admittedRows;
        long bad = badByReason.values().stream().mapToLong(Long::longValue).sum();
        SourceCounts counts = SourceCounts.ingested(goodLines + bad, stored + deleted, admittedRows - stored, badByReason);
        return Optional.of(deleted == 0 ? counts : counts.plus(SourceCounts.governed(0, Map.of("deleted", deleted))));
    }

    /**
     * Commits the written files as they are when every key is new to bronze and to the batch.
     * Otherwise the rows are read back from the written files, which are then deleted uncommitted,
     * and stored by the {@link KeyedWrite} (ranked, compared with bronze, merged). Returns the rows
     * stored.
     */
    private long store(OptimisticTransaction txn, List<AddFile> written, long admittedRows, boolean exists,
                       Map<Integer, SliceOutcome> bySlice) {
        KeyCheck check = checkKeys(written, exists, bySlice);
        if (check == KeyCheck.ALL_NEW) {
            DeltaAppend.commit(spark, txn, written, !exists);
            return admittedRows;
        }
        LOG.info("ingest {}: {}; storing the written rows by key", source.folder(), check.reason);
        // Cached (and counted, so every partition is), so that the files can go before the keyed
        // write: a table cannot be created in a folder that holds files of its own.
        Dataset<Row> rows = spark.read().parquet(paths(written)).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            rows.count();
            discard(written);
            return keyedWrite.write(rows, admittedRows, check == KeyCheck.REPEATED_IN_BATCH);
        } finally {
            rows.unpersist();
        }
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

    /** What the written rows' natural keys are like. */
    private enum KeyCheck {
        ALL_NEW("every key is new"),
        REPEATED_IN_BATCH("a natural key may repeat within the batch"),
        HELD_BY_BRONZE("bronze holds some of the batch's keys");

        final String reason;

        KeyCheck(String reason) {
            this.reason = reason;
        }
    }

    /**
     * Whether the written rows can simply be appended: a natural key may repeat among them
     * (compared by a 64-bit hash: a collision only costs a ranking), or bronze may already hold one.
     * Repeats are found from the hashes the tasks kept ({@link KeyHashes}); only when they kept none,
     * and to ask bronze, is the key column of the written files read.
     */
    private KeyCheck checkKeys(List<AddFile> written, boolean exists, Map<Integer, SliceOutcome> bySlice) {
        String key = source.naturalKey();
        Dataset<Row> keys = spark.read().parquet(paths(written)).select(col(key));
        boolean mayRepeat = KeyHashes.anyRepeats(bySlice.values().stream().map(SliceOutcome::keyHashes).toList())
                .orElseGet(() -> {
                    Row tally = keys.agg(count(lit(1)), countDistinct(xxhash64(col(key)))).first();
                    return tally.getLong(1) < tally.getLong(0);
                });
        if (mayRepeat) {
            return KeyCheck.REPEATED_IN_BATCH;
        }
        if (!exists) {
            return KeyCheck.ALL_NEW;
        }
        long rows = written.stream().mapToLong(DeltaAppend::numRecords).sum();
        try (StoredKeys stored = new StoredKeys(spark, bronzePath, key, keys, rows)) {
            return stored.anyOf(keys) ? KeyCheck.HELD_BY_BRONZE : KeyCheck.ALL_NEW;
        }
    }

    private String[] paths(List<AddFile> written) {
        return written.stream().map(file -> bronzePath + "/" + file.path()).toArray(String[]::new);
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
