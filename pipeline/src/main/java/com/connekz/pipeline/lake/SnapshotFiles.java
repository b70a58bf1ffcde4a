package com.connekz.pipeline.lake;

import java.net.URI;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import org.apache.spark.sql.delta.actions.AddFile;

/**
 * The data files of one version of a Delta table as its log describes them, column statistics
 * included. The list a transaction gives ({@code OptimisticTransaction.filterFiles}) leaves the
 * statistics out, so a test of a file's value range against it sees no range and keeps every file.
 */
public final class SnapshotFiles {
    private SnapshotFiles() {}

    /**
     * Every data file of {@code snapshot} with its full log entry: replayed from the commit files on
     * the driver when the log still starts at version 0, otherwise rebuilt by Delta (one Spark job).
     */
    public static List<AddFile> of(DeltaLog log, Snapshot snapshot) {
        long[] reached = {-1};
        Optional<Collection<AddFile>> replayed = LogReplay.replay(log, snapshot.version(), (version, live, metadata) -> {
            reached[0] = version;
            return true;
        });
        if (replayed.isPresent() && reached[0] == snapshot.version()) {
            return List.copyOf(replayed.get());
        }
        return snapshot.allFiles().collectAsList();
    }

    /** {@code files} by their absolute path, the form in which a scan names a row's file. */
    public static Map<Path, AddFile> byPath(DeltaLog log, Collection<AddFile> files) {
        Map<Path, AddFile> byPath = new HashMap<>();
        files.forEach(file -> byPath.put(file.absolutePath(log), file));
        return byPath;
    }

    /** The path of a file as {@code input_file_name()} names it. */
    public static Path path(String inputFileName) {
        return new Path(URI.create(inputFileName));
    }
}
