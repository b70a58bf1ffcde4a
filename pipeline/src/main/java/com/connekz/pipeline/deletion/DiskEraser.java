package com.connekz.pipeline.deletion;

import com.connekz.pipeline.lake.DeltaTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import scala.Option;

/**
 * Removes deleted rows from the files underneath a Delta table, once their retention has passed.
 *
 * <p>Where deleted data still hides after a DELETE or MERGE, and what removes it:
 * <ol>
 *   <li>inside data files still current (the deletion stage, and silver's MERGEs, mark rows with
 *       deletion vectors, which only hide them): {@code REORG ... APPLY (PURGE)} rewrites the files
 *       that carry deletion vectors;</li>
 *   <li>in data files that no current version references: {@code VACUUM ... RETAIN 0 HOURS};</li>
 *   <li>in the transaction log: every commit's {@code add}/{@code remove} actions carry min/max
 *       statistics of the file's columns (the first 32 characters of text). Delta's own log cleanup
 *       keeps commits until {@code delta.logRetentionDuration} has passed <em>and</em> rounds its
 *       cut-off down to midnight, and it never deletes {@code .crc} files, so it cannot erase on
 *       time. This class therefore writes a fresh checkpoint (which holds only the current files,
 *       and, with {@code delta.deletedFileRetentionDuration} set to the retention, no stale
 *       tombstones) and then deletes every commit, checksum and checkpoint file older than it.</li>
 * </ol>
 * The price: the table's history before the purge can no longer be time-travelled to.
 */
public final class DiskEraser {
    private static final Pattern LOG_FILE = Pattern.compile("^(\\d{20})(\\.\\d{20})?\\..*(json|crc|parquet)$");
    private static final String FILE_RETENTION = "delta.deletedFileRetentionDuration";
    private static final String NO_FILE_RETENTION = "interval 0 hours";
    private static final String CHANGE_DATA_FEED = "delta.enableChangeDataFeed";
    private final SparkSession spark;

    public DiskEraser(SparkSession spark) {
        this.spark = spark;
    }

    /** What one purge removed. */
    public record Erased(long logFilesDeleted, OptionalLong checkpointVersion) {}

    /**
     * Erases from disk every row that no current version of the table at {@code path} holds: after it
     * returns, no data file, commit, checksum or checkpoint of the table holds such a row or its
     * statistics. Current rows are untouched.
     */
    public Erased erase(String path) {
        if (!DeltaTables.exists(spark, path)) {
            return new Erased(0, OptionalLong.empty());
        }
        String table = "delta.`" + path + "`";
        TableSnapshot before = TableSnapshot.latest(spark, path);
        // Each is skipped when it has nothing to do: on a large table both cost a commit or a scan.
        if (!NO_FILE_RETENTION.equals(before.property(FILE_RETENTION)) || "true".equalsIgnoreCase(before.property(CHANGE_DATA_FEED))) {
            spark.sql("ALTER TABLE " + table + " SET TBLPROPERTIES ("
                    + "'" + FILE_RETENTION + "' = '" + NO_FILE_RETENTION + "', "
                    + "'" + CHANGE_DATA_FEED + "' = 'false')");
        }
        if (before.mayHoldDeletionVectors()) {
            spark.sql("REORG TABLE " + table + " APPLY (PURGE)");
        }
        spark.sql("VACUUM " + table + " RETAIN 0 HOURS");
        DeltaLog log = DeltaLog.forTable(spark, path);
        Snapshot current = log.update(false, Option.empty(), Option.empty());
        log.checkpoint(current, Option.empty());
        long checkpointVersion = current.version();
        long deleted = deleteLogFilesBefore(new Path(log.logPath().toString()), checkpointVersion);
        // Only this table's cached log: it still points at the commits just deleted.
        DeltaLog.invalidateCache(spark, new Path(path));
        return new Erased(deleted, OptionalLong.of(checkpointVersion));
    }

    private long deleteLogFilesBefore(Path logFolder, long checkpointVersion) {
        try {
            FileSystem fs = logFolder.getFileSystem(spark.sessionState().newHadoopConf());
            long deleted = 0;
            for (FileStatus file : fs.listStatus(logFolder)) {
                Matcher name = LOG_FILE.matcher(file.getPath().getName());
                if (file.isFile() && name.matches() && Long.parseLong(name.group(1)) < checkpointVersion
                        && fs.delete(file.getPath(), false)) {
                    deleted++;
                }
            }
            for (FileStatus file : fs.listStatus(logFolder)) {
                // Hidden Hadoop checksums (.00001.json.crc) of files deleted above.
                String name = file.getPath().getName();
                if (file.isFile() && name.startsWith(".") && name.endsWith(".crc")
                        && !fs.exists(new Path(logFolder, name.substring(1, name.length() - ".crc".length())))) {
                    fs.delete(file.getPath(), false);
                }
            }
            return deleted;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean the transaction log of a purged table", e);
        }
    }
}
