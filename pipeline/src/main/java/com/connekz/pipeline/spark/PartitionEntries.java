package com.connekz.pipeline.spark;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.util.AccumulatorV2;

/**
 * An accumulator of one entry per partition, each made by the task that computed its partition. A
 * task that Spark runs again (a retry, a stage computed once more, a second action over the same
 * rows) replaces its partition's entry instead of adding to it, so what the entries count stays
 * exact whatever was evaluated twice.
 *
 * @param <T> what a task records of its partition
 */
public final class PartitionEntries<T extends PartitionEntries.Entry> extends AccumulatorV2<T, Map<Integer, T>> {

    /** What one task records of its partition. */
    public interface Entry extends Serializable {
        /** The partition the entry describes. */
        int partition();
    }

    private final Map<Integer, T> entries = new HashMap<>();

    @Override
    public boolean isZero() {
        return entries.isEmpty();
    }

    @Override
    public PartitionEntries<T> copy() {
        PartitionEntries<T> copy = new PartitionEntries<>();
        copy.entries.putAll(entries);
        return copy;
    }

    @Override
    public void reset() {
        entries.clear();
    }

    @Override
    public void add(T entry) {
        entries.put(entry.partition(), entry);
    }

    @Override
    public void merge(AccumulatorV2<T, Map<Integer, T>> other) {
        entries.putAll(other.value());
    }

    @Override
    public Map<Integer, T> value() {
        return Map.copyOf(entries);
    }
}
