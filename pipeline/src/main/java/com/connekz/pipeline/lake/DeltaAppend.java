package com.connekz.pipeline.lake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaOperations;
import org.apache.spark.sql.delta.OptimisticTransaction;
import org.apache.spark.sql.delta.actions.Action;
import org.apache.spark.sql.delta.actions.AddFile;
import org.apache.spark.sql.delta.actions.FileAction;
import org.apache.spark.sql.delta.actions.Format;
import org.apache.spark.sql.delta.actions.Metadata;
import org.apache.spark.sql.types.StructType;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * An append made through Delta's transaction API, for a writer that writes its files first and
 * decides afterwards whether to commit them: a new table's metadata, and the commit of the written
 * files as the WRITE Delta's own append records (its history and readers of commit metrics expect
 * one).
 */
public final class DeltaAppend {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeltaAppend() {}

    /** The metadata of a table a transaction creates: its schema, partition columns and properties. */
    public static Metadata newTable(StructType schema, List<String> partitionColumns, Map<String, String> properties) {
        return new Metadata(UUID.randomUUID().toString(), null, null,
                new Format("parquet", scala.collection.immutable.Map$.MODULE$.empty()), schema.json(),
                CollectionConverters.asScala(partitionColumns).toList(),
                scala.collection.immutable.Map.from(CollectionConverters.asScala(properties)),
                Option.apply(System.currentTimeMillis()));
    }

    /**
     * Writes {@code rows} into the table's folder through {@code txn}, committing nothing: no version
     * references the files until {@link #commit} does. Returns the files written.
     */
    public static List<AddFile> writeUncommitted(OptimisticTransaction txn, Dataset<Row> rows) {
        List<AddFile> written = new ArrayList<>();
        for (FileAction action : CollectionConverters.asJava(txn.writeFiles(rows))) {
            if (action instanceof AddFile add) {
                written.add(add);
            }
        }
        return written;
    }

    /**
     * Commits {@code files} through {@code txn} as a WRITE in append mode, or in error-if-exists mode
     * when {@code create} (the transaction then carries {@link #newTable} metadata); returns the
     * version committed. A blind append: it conflicts only with a concurrent change of the table's
     * metadata or protocol, and then fails.
     */
    public static long commit(SparkSession spark, OptimisticTransaction txn, List<AddFile> files, boolean create) {
        long rows = files.stream().mapToLong(DeltaAppend::numRecords).sum();
        long bytes = files.stream().mapToLong(AddFile::size).sum();
        txn.registerSQLMetrics(spark, DeltaTables.metrics(spark, Map.of("numFiles", (long) files.size(), "numOutputRows", rows,
                "numOutputBytes", bytes)));
        SaveMode mode = create ? SaveMode.ErrorIfExists : SaveMode.Append;
        return txn.commit(CollectionConverters.asScala(List.<Action>copyOf(files)).toList(), new DeltaOperations.Write(mode,
                Option.empty(), Option.empty(), Option.empty(), Option.empty(), Option.empty(), Option.empty(),
                Option.empty(), Option.empty()));
    }

    /** The rows a written file holds, from its statistics (0 when it has none). */
    public static long numRecords(AddFile file) {
        try {
            JsonNode stats = file.stats() == null ? null : JSON.readTree(file.stats());
            return stats == null ? 0 : stats.path("numRecords").asLong(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
