package com.connekz.pipeline.ingest;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.util.AccumulatorV2;

/**
 * What the lines of each landed file came to, gathered by the tasks that read them: how many were
 * good, the bad ones by reason, and the bad rows themselves up to a bound. Kept per partition (one
 * file each), so a task that Spark runs again replaces its file's entry instead of adding to it:
 * the counts stay exact whatever was retried.
 */
final class LineOutcomes extends AccumulatorV2<LineOutcomes.OfFile, Map<Integer, LineOutcomes.OfFile>> {

    /**
     * One file's outcome.
     *
     * @param partition  the partition (file) it describes
     * @param badRows    the bad lines as rows of {@link ParsedSchema}; all of them unless {@code overflowed}
     * @param overflowed whether the file had more bad lines than a task keeps, so that {@code badRows}
     *                   holds only some of them and the file must be read again for the rest
     */
    record OfFile(int partition, long good, Map<String, Long> badByReason, List<InternalRow> badRows, boolean overflowed)
            implements Serializable {}

    private final Map<Integer, OfFile> files = new HashMap<>();

    @Override
    public boolean isZero() {
        return files.isEmpty();
    }

    @Override
    public LineOutcomes copy() {
        LineOutcomes copy = new LineOutcomes();
        copy.files.putAll(files);
        return copy;
    }

    @Override
    public void reset() {
        files.clear();
    }

    @Override
    public void add(OfFile file) {
        files.put(file.partition(), file);
    }

    @Override
    public void merge(AccumulatorV2<OfFile, Map<Integer, OfFile>> other) {
        files.putAll(other.value());
    }

    @Override
    public Map<Integer, OfFile> value() {
        return Map.copyOf(files);
    }
}
