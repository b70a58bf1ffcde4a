package com.connekz.pipeline.deletion;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;

import com.connekz.pipeline.lake.DeltaTables;
import com.connekz.pipeline.lake.LogReplay;
import com.connekz.pipeline.lake.SnapshotFiles;
import io.delta.tables.DeltaTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.DeltaOperations;
import org.apache.spark.sql.delta.OptimisticTransaction;
import org.apache.spark.sql.delta.actions.Action;
import org.apache.spark.sql.delta.actions.AddFile;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Deletes the rows named by deletion requests from one Delta table in one commit, in one of two ways
 * ({@link Removal}): by rewriting without them exactly the files that hold them, or by marking them
 * with deletion vectors. Either way the table's old versions (and, when marked, the old files) still
 * hold the rows until {@link DiskEraser} purges them once their retention has passed.
 *
 * <p>The victims are found first in one scan of the files that may hold them, with their files: the
 * counts per request and the touched files come from those few rows. The commit records no predicate
 * with values: no id or hash appears in the table's history.
 */
final class RowDeleter {
    static final String REQUEST_HASH = "request_hash";
    /** The column, on the rows handed to a victim finder, that names each row's data file. */
    static final String FILE = "_deleted_from_file";
    /**
     * Below this many bytes of touched files, {@link Removal#MARK_LARGE} rewrites them: a MERGE's fixed
     * jobs cost about what rewriting this much data does on two cores.
     */
    static final long MARK_FROM_BYTES = 32L << 20;
    private final SparkSession spark;
    private final long markFromBytes;

    RowDeleter(SparkSession spark) {
        this(spark, MARK_FROM_BYTES);
    }

    /** @param markFromBytes the touched bytes from which {@link Removal#MARK_LARGE} marks instead of rewriting */
    RowDeleter(SparkSession spark, long markFromBytes) {
        this.spark = spark;
        this.markFromBytes = markFromBytes;
    }

    /** How deleted rows leave the table's latest version. */
    enum Removal {
        /**
         * Rewrite the files that hold them, without them: the table never carries a deletion vector
         * (the audit gate reads the files of its versions directly). Costs a rewrite of every touched
         * file, so it suits tables where few files hold the victims. A plain DELETE commit, not a
         * MERGE: a MERGE scans once to find the touched files and again to rewrite them, and its data
         * skipping needs a literal predicate, which for 100 subjects outgrows Spark's 64 KB
         * generated-method limit.
         */
        REWRITE_FILES,
        /**
         * Mark them with deletion vectors (enabled on the table first when it has none) when the files
         * holding them add up to {@link #MARK_FROM_BYTES} or more: a MERGE of the victims' keys that
         * writes only the vectors, whatever share of the files holds victims. The rows stay in the
         * files until the purge rewrites them. Smaller touched files are rewritten as by
         * {@link #REWRITE_FILES}, which costs less than the MERGE there.
         */
        MARK_LARGE
    }

    /**
     * What was deleted from one table: rows per request hash, the version of the commit (empty when
     * nothing matched and nothing was committed), how many files were read to find the rows, and how
     * many held them.
     */
    record Deleted(Map<String, Long> rowsByRequest, OptionalLong version, int filesRead, int filesTouched) {
        /** Nothing read, nothing deleted, nothing committed. */
        static final Deleted NOTHING = new Deleted(Map.of(), OptionalLong.empty(), 0, 0);

        long rows() {
            return rowsByRequest.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Deletes from every file of the table the rows {@code victimsIn} finds.
     *
     * @param victimsIn given the table's rows (with a {@link #FILE} column), the rows to delete: the
     *                  {@code keyColumns}, the {@code request_hash} that names them, and {@link #FILE}
     */
    Deleted delete(String path, Removal removal, Function<Dataset<Row>, Dataset<Row>> victimsIn, List<String> keyColumns) {
        return deleteFrom(DeltaLog.forTable(spark, path), path, removal, file -> true, victimsIn, keyColumns);
    }

    /**
     * As {@link #delete(String, Removal, Function, List)}, reading only the files that
     * {@code mayHoldVictims} keeps (judged from their log entry, such as column statistics); it must
     * keep every file that holds a victim. A file of the same table version that holds no victim is
     * left as it is. When the table's log, replayed on the driver, shows no such file, nothing is read.
     */
    Deleted delete(String path, Removal removal, Predicate<AddFile> mayHoldVictims,
                   Function<Dataset<Row>, Dataset<Row>> victimsIn, List<String> keyColumns) {
        DeltaLog log = DeltaLog.forTable(spark, path);
        if (noCandidateInLatest(log, mayHoldVictims)) {
            return Deleted.NOTHING;
        }
        return deleteFrom(log, path, removal, mayHoldVictims, victimsIn, keyColumns);
    }

    /**
     * Whether the table's log, replayed on the driver, shows no file {@code mayHoldVictims} keeps;
     * false when it cannot be replayed. Delta would rebuild the snapshot's file list with a Spark job
     * just to find no candidate.
     */
    static boolean noCandidateInLatest(DeltaLog log, Predicate<AddFile> mayHoldVictims) {
        return LogReplay.latestFiles(log).map(files -> files.stream().noneMatch(mayHoldVictims)).orElse(false);
    }

    /**
     * Starts the transaction a deletion commits through. A concurrent commit that changes the
     * table makes it fail instead of resurrecting rows.
     */
    static OptimisticTransaction startDeletion(DeltaLog log) {
        OptimisticTransaction txn = log.startTransaction();
        txn.readWholeTable();
        return txn;
    }

    private Deleted deleteFrom(DeltaLog log, String path, Removal removal, Predicate<AddFile> mayHoldVictims,
                               Function<Dataset<Row>, Dataset<Row>> victimsIn, List<String> keyColumns) {
        OptimisticTransaction txn = startDeletion(log);
        List<AddFile> candidates = candidates(log, txn, mayHoldVictims);
        if (candidates.isEmpty()) {
            return Deleted.NOTHING;
        }
        Dataset<Row> rows = rowsOf(log, txn, candidates).withColumn(FILE, input_file_name());
        // Found once: the counts per request and the touched files come from these few rows.
        Dataset<Row> found = victimsIn.apply(rows).localCheckpoint(true);
        Map<String, Long> counts = new HashMap<>();
        Set<String> files = new HashSet<>();
        for (Row row : found.groupBy(REQUEST_HASH, FILE).count().collectAsList()) {
            counts.merge(row.getString(0), row.getLong(2), Long::sum);
            files.add(row.getString(1));
        }
        if (counts.isEmpty()) {
            return new Deleted(Map.of(), OptionalLong.empty(), candidates.size(), 0);
        }
        List<AddFile> touched = touchedFiles(log, candidates, files);
        Dataset<Row> keys = found.select(keyColumns.get(0), keyColumns.subList(1, keyColumns.size()).toArray(String[]::new));
        if (removal == Removal.MARK_LARGE && touched.stream().mapToLong(AddFile::size).sum() >= markFromBytes) {
            // A MERGE refuses a source row that matches twice: one row per key.
            return new Deleted(counts, OptionalLong.of(markDeleted(path, keys.distinct(), keyColumns)), candidates.size(),
                    touched.size());
        }
        Dataset<Row> kept = rowsOf(log, txn, touched).join(keys, CollectionConverters.asScala(keyColumns).toSeq(), "left_anti");
        List<Action> written = List.copyOf(CollectionConverters.asJava(txn.writeFiles(kept)));
        long version = commitRewrite(spark, txn, touched, written, () -> keys.distinct().count());
        return new Deleted(counts, OptionalLong.of(version), candidates.size(), touched.size());
    }

    /** The rows of {@code files}, as of the transaction's snapshot (deletion vectors honoured). */
    static Dataset<Row> rowsOf(DeltaLog log, OptimisticTransaction txn, List<AddFile> files) {
        return log.createDataFrame(txn.snapshot(), scalaSeq(files), false, Option.empty());
    }

    /**
     * Commits, as a DELETE that records no predicate, the swap of the {@code touched} files for the
     * {@code written} ones (their rows less the deleted ones); returns the version. The deleted rows
     * are counted from the files' statistics, or by {@code deletedRowsIfNoStatistics} when a file has none.
     */
    static long commitRewrite(SparkSession spark, OptimisticTransaction txn, List<AddFile> touched, List<? extends Action> written,
                              LongSupplier deletedRowsIfNoStatistics) {
        List<Action> actions = new ArrayList<>(written);
        List<AddFile> added = written.stream().filter(AddFile.class::isInstance).map(AddFile.class::cast).toList();
        long now = System.currentTimeMillis();
        touched.forEach(file -> actions.add(file.removeWithTimestamp(now, true)));
        OptionalLong rowsBefore = rowsIn(touched);
        OptionalLong rowsAfter = rowsIn(added);
        long deletedRows = rowsBefore.isPresent() && rowsAfter.isPresent()
                ? rowsBefore.getAsLong() - rowsAfter.getAsLong() : deletedRowsIfNoStatistics.getAsLong();
        txn.registerSQLMetrics(spark, DeltaTables.metrics(spark, Map.of("numDeletedRows", deletedRows,
                "numRemovedFiles", (long) touched.size(), "numAddedFiles", (long) added.size())));
        return txn.commit(scalaSeq(actions), new DeltaOperations.Delete(scalaSeq(List.<Expression>of())));
    }

    /**
     * Marks the rows whose keys are among {@code keys} with deletion vectors, in a MERGE that only
     * deletes; its commit names the key columns, not their values. Returns the commit's version.
     */
    private long markDeleted(String path, Dataset<Row> keys, List<String> keyColumns) {
        TableSnapshot table = TableSnapshot.latest(spark, path);
        if (!"true".equalsIgnoreCase(table.property(DeltaTables.DELETION_VECTORS))) {
            spark.sql("ALTER TABLE delta.`" + path + "` SET TBLPROPERTIES ('" + DeltaTables.DELETION_VECTORS + "' = 'true')");
        }
        Column sameKey = keyColumns.stream().map(key -> col("t." + key).equalTo(col("v." + key))).reduce(Column::and).orElseThrow();
        DeltaTable.forPath(spark, path).as("t").merge(keys.as("v"), sameKey).whenMatched().delete().execute();
        return TableSnapshot.latest(spark, path).version();
    }

    /**
     * The files of the transaction's snapshot that {@code mayHoldVictims} keeps, judged on their full
     * log entries (the transaction's own file list has no column statistics, and costs a Spark job).
     */
    static List<AddFile> candidates(DeltaLog log, OptimisticTransaction txn, Predicate<AddFile> mayHoldVictims) {
        return SnapshotFiles.of(log, txn.snapshot()).stream().filter(mayHoldVictims).toList();
    }

    /** The rows the files hold (deletion vectors honoured), from their statistics; empty when one has none. */
    private static OptionalLong rowsIn(List<AddFile> files) {
        long rows = 0;
        for (AddFile file : files) {
            Option<Object> logical = file.numLogicalRecords();
            if (logical.isEmpty()) {
                return OptionalLong.empty();
            }
            rows += (Long) logical.get();
        }
        return OptionalLong.of(rows);
    }

    /** The candidate files named by {@code files}; fails if one is not among them. */
    private static List<AddFile> touchedFiles(DeltaLog log, List<AddFile> candidates, Set<String> files) {
        Map<Path, AddFile> byPath = SnapshotFiles.byPath(log, candidates);
        List<AddFile> touched = new ArrayList<>();
        for (String name : files) {
            AddFile file = byPath.get(SnapshotFiles.path(name));
            if (file == null) {
                throw new IllegalStateException("a deleted row's data file is not in the table's snapshot");
            }
            touched.add(file);
        }
        return touched;
    }

    private static <T> scala.collection.immutable.Seq<T> scalaSeq(List<T> list) {
        return CollectionConverters.asScala(list).toList();
    }
}
