package com.connekz.pipeline.lake;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import com.connekz.pipeline.spark.ConcurrentJobs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.OptimisticTransaction;
import org.apache.spark.sql.delta.actions.AddFile;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Option;

/**
 * Writes the rows of many Delta tables in one Spark job, then gives each table one commit of its
 * own, as a plain append (or, for a table that does not exist yet, a create) would.
 *
 * <p>Why: each Delta write job carries fixed costs (planning, a task set, the Hadoop configuration
 * every task deserializes, local file-system processes per file) that do not depend on its rows. A
 * night that adds a few examples to each of hundreds of per-tenant tables paid them per table.
 *
 * <p>How: Delta's own writer ({@code OptimisticTransaction.writeFiles}) writes the rows into a
 * staging folder partitioned by target, computing each file's statistics as the tables are
 * configured to; each file is then moved into its table's folder and committed there by an
 * {@code AddFile} with those statistics. A table whose schema is not exactly the rows' is refused
 * before anything is written.
 *
 * <p>Guarantees: a table gets its files only through its own commit; until then they are not part
 * of it. A target's commit is a blind append (it reads no file of the table), so it conflicts only
 * with a concurrent change of the table's metadata or protocol, and then fails; the other targets'
 * commits stand. The staging folder is deleted before and after, whatever happens: what a
 * crashed write left there (rows that may hold personal data) goes with the next write. A file a
 * crash left moved but not committed is no part of any version, and VACUUM removes it.
 */
public final class FanOutWrite {
    private static final String ROUTE = "_fan_out_target";
    private static final String ROUTE_COPY = "_fan_out_route";

    private final SparkSession spark;
    private final String stagingPath;

    /** @param stagingPath a folder of its own on the lake's file system, emptied by every write */
    public FanOutWrite(SparkSession spark, String stagingPath) {
        this.spark = spark;
        this.stagingPath = stagingPath;
    }

    /**
     * One target table.
     *
     * @param path     where it lives
     * @param create   whether it is created by this write (and must not exist yet)
     */
    public record Target(String path, boolean create) {}

    /** What one target's commit added. */
    public record Committed(long version, long rows, long files) {}

    /**
     * Writes each row of {@code rows} to the target its {@code routeColumn} value names, and commits
     * each target that received rows; a target that received none gets no commit.
     *
     * @param properties the table properties of created tables (statistics columns...), also those
     *                   that decide which statistics the files carry
     * @return per target key, its commit
     */
    public Map<String, Committed> write(Dataset<Row> rows, String routeColumn, Map<String, Target> targets,
                                        Map<String, String> properties) {
        StructType schema = rows.schema().asNullable();
        targets.values().stream().filter(t -> !t.create()).forEach(t -> requireSchema(t.path(), schema));
        Map<String, String> folders = new LinkedHashMap<>();
        targets.forEach((key, target) -> folders.put(key, target.path()));
        Map<String, List<AddFile>> written = writeUncommitted(rows.withColumn(ROUTE_COPY, col(routeColumn)), ROUTE_COPY,
                folders, properties, Layout.ONE_FILE_PER_FOLDER);
        return ConcurrentJobs.mapEntries(written, ConcurrentJobs.threadsFor(spark),
                (key, files) -> commit(targets.get(key), files, schema, properties));
    }

    /** How a folder's rows are spread over files. */
    public enum Layout {
        /** One file (the rows are shuffled so that each folder's rows meet in one task): for many small additions. */
        ONE_FILE_PER_FOLDER,
        /**
         * A file per task of the rows' own partitioning that holds rows of the folder, with no
         * shuffle: rows read from a big table's files are rewritten by as many tasks as read them.
         */
        AS_PARTITIONED
    }

    /**
     * Writes each row of {@code rows} (every column but {@code routeColumn}) into the folder its
     * {@code routeColumn} value names, in one Spark job, and returns per folder key the files now in
     * that folder, named relative to it and with the statistics {@code properties} configure.
     * Nothing is committed: the caller commits each folder's files into its table. A folder that
     * received no rows is not in the result.
     */
    public Map<String, List<AddFile>> writeUncommitted(Dataset<Row> rows, String routeColumn, Map<String, String> folders,
                                                       Map<String, String> properties, Layout layout) {
        List<String> keys = List.copyOf(folders.keySet());
        deleteStaging();
        try {
            DeltaLog staging = DeltaLog.forTable(spark, stagingPath);
            Map<String, List<AddFile>> byKey = new HashMap<>();
            for (AddFile file : stage(staging, rows, routeColumn, keys, properties, layout)) {
                String key = keys.get(Integer.parseInt(file.partitionValues().apply(ROUTE)));
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(file);
            }
            return ConcurrentJobs.mapEntries(byKey, ConcurrentJobs.threadsFor(spark),
                    (key, staged) -> moveInto(staging, folders.get(key), staged));
        } finally {
            deleteStaging();
        }
    }

    /** Writes every row once into the staging folder, partitioned by target and laid out as {@code layout} says; returns the files. */
    private List<AddFile> stage(DeltaLog staging, Dataset<Row> rows, String routeColumn, List<String> keys,
                                Map<String, String> properties, Layout layout) {
        List<Row> routes = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            routes.add(RowFactory.create(keys.get(i), String.valueOf(i)));
        }
        Dataset<Row> routeTable = spark.createDataFrame(routes, new StructType()
                .add("_fan_out_key", DataTypes.StringType).add(ROUTE, DataTypes.StringType));
        Dataset<Row> joined = rows.join(broadcast(routeTable), col(routeColumn).equalTo(col("_fan_out_key")))
                .drop("_fan_out_key", routeColumn);
        Dataset<Row> routed = layout == Layout.ONE_FILE_PER_FOLDER
                ? joined.repartition(spark.sparkContext().defaultParallelism(), col(ROUTE)) : joined;
        OptimisticTransaction txn = staging.startTransaction();
        txn.updateMetadataForNewTable(DeltaAppend.newTable(routed.schema().asNullable(), List.of(ROUTE), properties));
        return DeltaAppend.writeUncommitted(txn, routed);
    }

    /** Moves staged files into {@code folder}; returns them as entries of its table, named relative to it. */
    private List<AddFile> moveInto(DeltaLog staging, String folder, List<AddFile> staged) {
        List<AddFile> moved = new ArrayList<>();
        for (AddFile file : staged) {
            String name = file.toPath().getName();
            move(file.absolutePath(staging), new Path(folder, name));
            moved.add(new AddFile(name, scala.collection.immutable.Map$.MODULE$.empty(), file.size(), file.modificationTime(),
                    true, file.stats(), null, null, Option.empty(), Option.empty(), Option.empty()));
        }
        return moved;
    }

    /** Commits a target's files, already in its folder, as an append (or a create). */
    private Committed commit(Target target, List<AddFile> files, StructType schema, Map<String, String> properties) {
        OptimisticTransaction txn = DeltaLog.forTable(spark, target.path()).startTransaction();
        if (target.create()) {
            txn.updateMetadataForNewTable(DeltaAppend.newTable(schema, List.of(), properties));
        }
        long version = DeltaAppend.commit(spark, txn, files, target.create());
        return new Committed(version, files.stream().mapToLong(DeltaAppend::numRecords).sum(), files.size());
    }

    private void requireSchema(String path, StructType schema) {
        StructType table = DeltaLog.forTable(spark, path).update(false, Option.empty(), Option.empty()).schema();
        if (!table.asNullable().equals(schema)) {
            throw new IllegalArgumentException("the rows' schema is not the schema of the table at " + path);
        }
    }

    private void move(Path from, Path to) {
        try {
            FileSystem fs = to.getFileSystem(spark.sparkContext().hadoopConfiguration());
            fs.mkdirs(to.getParent());
            if (!fs.rename(from, to)) {
                throw new IOException("could not move a staged file into " + to.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deleteStaging() {
        try {
            Path staging = new Path(stagingPath);
            staging.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(staging, true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the staging folder " + stagingPath, e);
        }
    }
}
