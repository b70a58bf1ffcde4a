package com.connekz.pipeline.lake;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import org.apache.spark.sql.delta.actions.AddFile;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Reads from a Delta table only the data files where some wanted keys occur: one scan of the key
 * column finds the files, and only those are then read in full. For picking a few records out of
 * a large table by a key its log keeps no statistics of (ids stay out of the log, see the tables'
 * statistics columns), this reads the wide columns (text) of a few files instead of all of them.
 *
 * <p>Guarantee: the rows returned are every row of the table's version {@code version} that lies
 * in a file holding a wanted key, deletion vectors honoured; a row with a wanted key is never left
 * out. When {@code version} is no longer the latest, or every file holds a wanted key, the whole
 * version is returned, as read by {@code table}.
 */
public final class FilesHoldingKeys {
    private static final String FILE = "_holding_file";

    private FilesHoldingKeys() {}

    /**
     * @param table     the table's rows at {@code version} (a plain Delta read)
     * @param keyColumn the column of {@code table} the keys are matched against
     * @param keys      the wanted keys, in column {@code keysColumn}
     */
    public static Dataset<Row> of(SparkSession spark, String path, long version, Dataset<Row> table, String keyColumn,
                                  Dataset<Row> keys, String keysColumn) {
        DeltaLog log = DeltaLog.forTable(spark, path);
        Snapshot snapshot = log.update(false, Option.empty(), Option.empty());
        if (snapshot.version() != version) {
            return table;
        }
        List<String> names = table.select(col(keyColumn), input_file_name().as(FILE))
                .join(keys, col(keyColumn).equalTo(col(keysColumn)), "left_semi")
                .select(FILE).distinct().as(Encoders.STRING()).collectAsList();
        Set<Path> holding = new HashSet<>();
        names.forEach(name -> holding.add(SnapshotFiles.path(name)));
        List<AddFile> all = SnapshotFiles.of(log, snapshot);
        List<AddFile> read = all.stream().filter(file -> holding.contains(file.absolutePath(log))).toList();
        if (read.size() == all.size()) {
            return table;
        }
        return log.createDataFrame(snapshot, CollectionConverters.asScala(read).toList(), false, Option.empty());
    }
}
