package com.connekz.pipeline.deletion;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;

import com.connekz.pipeline.lake.FanOutWrite;
import com.connekz.pipeline.lake.SnapshotFiles;
import com.connekz.pipeline.spark.ConcurrentJobs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.OptimisticTransaction;
import org.apache.spark.sql.delta.actions.AddFile;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Deletes the rows named by deletion requests from many Delta tables of one shape (the per-tenant
 * gold tables) as {@link RowDeleter} does from one with {@link RowDeleter.Removal#REWRITE_FILES},
 * in a few Spark jobs for all of them instead of a few per table: one scan finds the victims in the
 * candidate files of every table, one job writes the kept rows of every touched file into its own
 * table's folder ({@link FanOutWrite#writeUncommitted}), and each table then gets one commit of its
 * own that swaps its touched files for the rewritten ones.
 *
 * <p>Guarantees, per table, as {@link RowDeleter}'s: only files whose log entry
 * {@code mayHoldVictims} keeps are read; a file of the table that holds no victim is left as it
 * is; the table's transaction starts before its files are read and marks the whole table read, so a
 * concurrent commit to it makes its commit fail. The commits are one per table, not one for all: when
 * one fails, the other tables' commits stand, the failure is rethrown, and that table keeps its rows
 * until the requests are applied again. A table with column mapping is refused before anything is
 * written. Tables whose schema or properties differ from the others' (which decide the new files'
 * statistics) are deleted from in a group of their own.
 */
final class FanOutDeleter {
    private static final String ROUTE = "_deleting_from";
    private static final String COLUMN_MAPPING = "delta.columnMapping.mode";
    private final SparkSession spark;
    private final String stagingPath;

    /** @param stagingPath a folder of its own on the lake's file system, emptied by every deletion */
    FanOutDeleter(SparkSession spark, String stagingPath) {
        this.spark = spark;
        this.stagingPath = stagingPath;
    }

    /**
     * Deletes from each table the rows {@code victimsIn} finds among the rows of its candidate files.
     *
     * @param victimsIn given tables' rows (with a {@link RowDeleter#FILE} column), the rows to delete:
     *                  the {@code keyColumns}, the {@code request_hash} that names them, and {@link RowDeleter#FILE}
     * @return per table path, what was deleted from it
     */
    Map<String, RowDeleter.Deleted> delete(List<String> paths, Predicate<AddFile> mayHoldVictims,
                                           Function<Dataset<Row>, Dataset<Row>> victimsIn, List<String> keyColumns) {
        Map<String, RowDeleter.Deleted> deleted = new LinkedHashMap<>();
        Map<Shape, List<Table>> byShape = new LinkedHashMap<>();
        for (String path : paths) {
            deleted.put(path, RowDeleter.Deleted.NOTHING);
            DeltaLog log = DeltaLog.forTable(spark, path);
            if (RowDeleter.noCandidateInLatest(log, mayHoldVictims)) {
                continue;
            }
            OptimisticTransaction txn = RowDeleter.startDeletion(log);
            List<AddFile> candidates = RowDeleter.candidates(log, txn, mayHoldVictims);
            if (!candidates.isEmpty()) {
                byShape.computeIfAbsent(Shape.of(txn), s -> new ArrayList<>()).add(new Table(path, log, txn, candidates));
            }
        }
        byShape.forEach((shape, tables) -> deleted.putAll(deleteTogether(shape, tables, victimsIn, keyColumns)));
        return deleted;
    }

    /** What decides how a table's files are written: its schema and its properties. */
    private record Shape(StructType schema, Map<String, String> properties) {
        static Shape of(OptimisticTransaction txn) {
            Map<String, String> properties = CollectionConverters.asJava(txn.snapshot().metadata().configuration());
            if (!properties.getOrDefault(COLUMN_MAPPING, "none").equals("none")) {
                // Rows are rewritten under their logical column names, which such a table does not store.
                throw new IllegalArgumentException("cannot rewrite files of a table with column mapping");
            }
            return new Shape(txn.snapshot().schema(), properties);
        }
    }

    /** A table with a deletion under way: its transaction and the files that may hold victims. */
    private record Table(String path, DeltaLog log, OptimisticTransaction txn, List<AddFile> candidates) {
        Dataset<Row> rows(List<AddFile> files) {
            return RowDeleter.rowsOf(log, txn, files);
        }
    }

    /** One table's victims, as the scan of every table's candidates found them. */
    private static final class Found {
        final Map<String, Long> rowsByRequest = new HashMap<>();
        final Set<AddFile> files = new LinkedHashSet<>();
    }

    /** A candidate file and the table (by its index) it belongs to. */
    private record Candidate(int table, AddFile file) {}

    private Map<String, RowDeleter.Deleted> deleteTogether(Shape shape, List<Table> tables,
                                                           Function<Dataset<Row>, Dataset<Row>> victimsIn, List<String> keyColumns) {
        Dataset<Row> candidateRows = tables.stream().map(t -> t.rows(t.candidates()).withColumn(RowDeleter.FILE, input_file_name()))
                .reduce(Dataset::unionByName).orElseThrow();
        Dataset<Row> found = victimsIn.apply(candidateRows).localCheckpoint(true);
        Map<Path, Candidate> candidateAt = new HashMap<>();
        for (int i = 0; i < tables.size(); i++) {
            int table = i;
            SnapshotFiles.byPath(tables.get(i).log(), tables.get(i).candidates())
                    .forEach((path, file) -> candidateAt.put(path, new Candidate(table, file)));
        }
        Map<Integer, Found> foundByTable = new LinkedHashMap<>();
        List<Row> fileRoutes = new ArrayList<>();
        for (Row row : found.groupBy(RowDeleter.REQUEST_HASH, RowDeleter.FILE).count().collectAsList()) {
            Candidate candidate = candidateAt.get(SnapshotFiles.path(row.getString(1)));
            if (candidate == null) {
                throw new IllegalStateException("a deleted row's data file is not among the candidate files of any table");
            }
            Found one = foundByTable.computeIfAbsent(candidate.table(), t -> new Found());
            one.rowsByRequest.merge(row.getString(0), row.getLong(2), Long::sum);
            if (one.files.add(candidate.file())) {
                fileRoutes.add(RowFactory.create(row.getString(1), String.valueOf(candidate.table())));
            }
        }
        Map<String, RowDeleter.Deleted> deleted = new LinkedHashMap<>();
        tables.forEach(t -> deleted.put(t.path(), new RowDeleter.Deleted(Map.of(), OptionalLong.empty(), t.candidates().size(), 0)));
        if (foundByTable.isEmpty()) {
            return deleted;
        }
        Map<Integer, List<AddFile>> touched = new LinkedHashMap<>();
        foundByTable.forEach((i, one) -> touched.put(i, List.copyOf(one.files)));
        Dataset<Row> keys = victimKeys(found, fileRoutes, keyColumns);
        Dataset<Row> kept = touched.entrySet().stream()
                .map(e -> tables.get(e.getKey()).rows(e.getValue()).withColumn(ROUTE, lit(String.valueOf(e.getKey()))))
                .reduce(Dataset::unionByName).orElseThrow()
                .join(keys, CollectionConverters.asScala(routedKeys(keyColumns)).toSeq(), "left_anti");
        Map<String, String> folders = new LinkedHashMap<>();
        touched.keySet().forEach(i -> folders.put(String.valueOf(i), tables.get(i).path()));
        Map<String, List<AddFile>> written = new FanOutWrite(spark, stagingPath).writeUncommitted(kept, ROUTE, folders,
                shape.properties(), FanOutWrite.Layout.AS_PARTITIONED);
        ConcurrentJobs.mapEntries(touched, ConcurrentJobs.threadsFor(spark), (i, files) -> RowDeleter.commitRewrite(spark,
                        tables.get(i).txn(), files, written.getOrDefault(String.valueOf(i), List.of()),
                        () -> keys.filter(keys.col(ROUTE).equalTo(String.valueOf(i))).distinct().count()))
                .forEach((i, version) -> deleted.put(tables.get(i).path(), new RowDeleter.Deleted(foundByTable.get(i).rowsByRequest,
                        OptionalLong.of(version), tables.get(i).candidates().size(), touched.get(i).size())));
        return deleted;
    }

    /** The found rows' keys, each with the table whose file held it: a key deletes rows of that table only. */
    private Dataset<Row> victimKeys(Dataset<Row> found, List<Row> fileRoutes, List<String> keyColumns) {
        Dataset<Row> routes = spark.createDataFrame(fileRoutes, new StructType()
                .add(RowDeleter.FILE, DataTypes.StringType).add(ROUTE, DataTypes.StringType));
        return found.join(broadcast(routes), RowDeleter.FILE)
                .select(routedKeys(keyColumns).stream().map(functions::col).toArray(Column[]::new));
    }

    private static List<String> routedKeys(List<String> keyColumns) {
        List<String> columns = new ArrayList<>(keyColumns);
        columns.add(ROUTE);
        return columns;
    }
}
