package com.connekz.pipeline.lake;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.actions.Action;
import org.apache.spark.sql.delta.actions.AddFile;
import org.apache.spark.sql.delta.actions.DeletionVectorDescriptor;
import org.apache.spark.sql.delta.actions.Metadata;
import org.apache.spark.sql.delta.actions.RemoveFile;
import scala.Option;
import scala.Tuple2;

/**
 * A table's commits replayed on the driver from version 0 with Delta's own {@link DeltaLog#getChanges}:
 * the live data files and the metadata after each version, without the Spark job Delta runs to rebuild
 * a snapshot's file list (about a third of a second per table, which over hundreds of small tables is
 * most of a stage). The replay refuses whenever the commit files alone do not hold the whole history:
 * the log no longer starts at version 0 (older commits were cleaned up after a checkpoint), or a commit
 * is missing.
 */
public final class LogReplay {
    private LogReplay() {}

    /** What one version of the table holds. */
    public interface Step {
        /**
         * Receives one version, in order; returns false to stop the replay.
         *
         * @param live     the version's data files (a view: copy what is kept)
         * @param metadata the version's metadata (schema, partitioning, properties)
         */
        boolean accept(long version, Collection<AddFile> live, Metadata metadata);
    }

    /**
     * Replays versions 0 to {@code lastVersion} (every version when it is {@link Long#MAX_VALUE}) into
     * {@code step}, until it stops; the data files live at the last version replayed, or empty when the
     * log cannot be replayed from version 0 without a gap.
     */
    public static Optional<Collection<AddFile>> replay(DeltaLog log, long lastVersion, Step step) {
        // Delta's key of a file in a version: its path and deletion vector. A commit that marks rows
        // removes the file under its old vector and adds it under the new one, in either order.
        Map<List<Object>, AddFile> live = new LinkedHashMap<>();
        Metadata metadata = null;
        long expected = 0;
        scala.collection.Iterator<Tuple2<Object, scala.collection.immutable.Seq<Action>>> changes =
                log.getChanges(0, Option.empty(), false);
        while (changes.hasNext()) {
            Tuple2<Object, scala.collection.immutable.Seq<Action>> change = changes.next();
            long version = (Long) change._1();
            if (version > lastVersion) {
                break;
            }
            if (version != expected++) {
                return Optional.empty();
            }
            scala.collection.Iterator<Action> actions = change._2().iterator();
            while (actions.hasNext()) {
                Action action = actions.next();
                if (action instanceof AddFile add) {
                    live.put(key(add.absolutePath(log), add.deletionVector()), add);
                } else if (action instanceof RemoveFile remove) {
                    live.remove(key(remove.absolutePath(log), remove.deletionVector()));
                } else if (action instanceof Metadata changed) {
                    metadata = changed;
                }
            }
            if (!step.accept(version, live.values(), metadata)) {
                break;
            }
        }
        return expected > 0 ? Optional.of(live.values()) : Optional.empty();
    }

    private static List<Object> key(Path path, DeletionVectorDescriptor deletionVector) {
        return Arrays.asList(path, deletionVector == null ? null : deletionVector.uniqueId());
    }

    /** The data files of the table's latest version, or empty when its log cannot be replayed. */
    public static Optional<Collection<AddFile>> latestFiles(DeltaLog log) {
        return replay(log, Long.MAX_VALUE, (version, live, metadata) -> true).map(List::copyOf);
    }
}
