package com.connekz.pipeline.deletion;

import static org.apache.spark.sql.functions.col;

import io.delta.tables.DeltaTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Deletes the rows named by deletion requests from one Delta table in one commit, then (on a table
 * with deletion vectors) rewrites the files that now carry them, so only the old versions still
 * hold the rows until purge.
 * The MERGE joins on key columns only: no id appears in the commit's predicate.
 */
final class RowDeleter {
    static final String REQUEST_HASH = "request_hash";
    private final SparkSession spark;

    RowDeleter(SparkSession spark) {
        this.spark = spark;
    }

    /**
     * What was deleted from one table: rows per request hash, and the version of the commit (empty
     * when nothing matched and nothing was committed).
     */
    record Deleted(Map<String, Long> rowsByRequest, OptionalLong version) {
        long rows() {
            return rowsByRequest.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * @param victims rows of the table to delete: the {@code keyColumns} and the {@code request_hash}
     *                that names them
     */
    Deleted delete(String path, Dataset<Row> victims, List<String> keyColumns) {
        return delete(path, victims, keyColumns, null);
    }

    /**
     * As {@link #delete(String, Dataset, List)}, with {@code targetFilter}: a predicate on the
     * target table (columns prefixed {@code t.}) that every victim meets. Delta skips the files whose
     * statistics rule it out, so a MERGE on a large table reads only the files that may hold victims.
     */
    Deleted delete(String path, Dataset<Row> victims, List<String> keyColumns, Column targetFilter) {
        // Found once: the victims' plan scans the whole table, and both the counts and the MERGE
        // (twice: to find the touched files, then to rewrite them) would otherwise scan it again.
        Dataset<Row> found = victims.localCheckpoint(true);
        Map<String, Long> counts = new HashMap<>();
        for (Row row : found.groupBy(REQUEST_HASH).count().collectAsList()) {
            counts.put(row.getString(0), row.getLong(1));
        }
        if (counts.isEmpty()) {
            return new Deleted(Map.of(), OptionalLong.empty());
        }
        Dataset<Row> keys = found.select(keyColumns.get(0), keyColumns.subList(1, keyColumns.size()).toArray(String[]::new)).distinct();
        Column on = keyColumns.stream().map(k -> col("t.`" + k + "`").equalTo(col("s.`" + k + "`")))
                .reduce(Column::and).orElseThrow();
        if (targetFilter != null) {
            on = on.and(targetFilter);
        }
        DeltaTable.forPath(spark, path).as("t").merge(keys.as("s"), on).whenMatched().delete().execute();
        TableSnapshot merged = TableSnapshot.latest(spark, path);
        // Without deletion vectors the MERGE already rewrote the files it deleted from; REORG would
        // only cost a scan.
        if (merged.mayHoldDeletionVectors()) {
            spark.sql("REORG TABLE delta.`" + path + "` APPLY (PURGE)");
        }
        return new Deleted(counts, OptionalLong.of(merged.version()));
    }
}
