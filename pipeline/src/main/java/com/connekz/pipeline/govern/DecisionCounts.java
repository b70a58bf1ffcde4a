package com.connekz.pipeline.govern;

import com.connekz.pipeline.run.SourceCounts;
import com.connekz.pipeline.spark.PartitionEntries;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.api.java.UDF3;

/**
 * The decisions of one source counted by the tasks that filter them, one {@link OfPartition} per
 * partition, gathered in a {@link PartitionEntries} accumulator (so a partition evaluated twice is
 * counted once), and added up on the driver.
 */
final class DecisionCounts {
    /** Slot 0 of a count array: used records; slot {@code i + 1}: the {@code i}-th exclusion reason; the last: a reason no rule names. */
    static final List<String> REASONS = ExclusionReason.codes();
    static final int USED = 0;
    static final int UNKNOWN_REASON = REASONS.size() + 1;

    private DecisionCounts() {}

    /**
     * One partition's decisions: per slot, those ingested since the mark ({@code fresh}) and those
     * decided again ({@code again}), and the latest {@code _ingested_at} of the fresh ones (null if none).
     */
    static final class OfPartition implements PartitionEntries.Entry {
        private final int partition;
        final long[] fresh = new long[UNKNOWN_REASON + 1];
        final long[] again = new long[UNKNOWN_REASON + 1];
        Timestamp latestNew;

        OfPartition(int partition) {
            this.partition = partition;
        }

        @Override
        public int partition() {
            return partition;
        }

        void count(String reason, boolean isNew, Timestamp ingestedAt) {
            (isNew ? fresh : again)[slot(reason)]++;
            if (isNew && ingestedAt != null && (latestNew == null || ingestedAt.after(latestNew))) {
                latestNew = ingestedAt;
            }
        }
    }

    private static int slot(String reason) {
        if (reason == null) {
            return USED;
        }
        int known = REASONS.indexOf(reason);
        return known < 0 ? UNKNOWN_REASON : known + 1;
    }

    /**
     * Every partition's decisions added up; empty when no task counted a record (no action read the
     * kept records, or there were none: the caller then counts them in a pass of its own) or a record
     * had a reason no rule names.
     */
    static Optional<DecisionTally.Decisions> decisions(Collection<OfPartition> partitions) {
        if (partitions.isEmpty()) {
            return Optional.empty();
        }
        long[] fresh = new long[UNKNOWN_REASON + 1];
        long[] again = new long[fresh.length];
        Timestamp latestNew = null;
        for (OfPartition partition : partitions) {
            for (int slot = 0; slot < fresh.length; slot++) {
                fresh[slot] += partition.fresh[slot];
                again[slot] += partition.again[slot];
            }
            if (partition.latestNew != null && (latestNew == null || partition.latestNew.after(latestNew))) {
                latestNew = partition.latestNew;
            }
        }
        if (fresh[UNKNOWN_REASON] + again[UNKNOWN_REASON] > 0) {
            return Optional.empty();
        }
        return Optional.of(new DecisionTally.Decisions(sourceCounts(fresh), sourceCounts(again), DecisionTally.instant(latestNew)));
    }

    private static SourceCounts sourceCounts(long[] slots) {
        Map<String, Long> excluded = new TreeMap<>();
        for (int i = 0; i < REASONS.size(); i++) {
            if (slots[i + 1] > 0) {
                excluded.put(REASONS.get(i), slots[i + 1]);
            }
        }
        return SourceCounts.governed(slots[USED], excluded);
    }

    /**
     * The filter keeping used records (a null reason), counting each record it sees into its task's
     * partition entry. One instance per task (Spark deserialises the plan for each), so its entry,
     * registered on the first record, is complete when the task ends and its accumulator is sent.
     */
    static final class KeepUsed implements UDF3<String, Boolean, Timestamp, Boolean> {
        private final PartitionEntries<OfPartition> counts;
        private transient OfPartition partition;

        KeepUsed(PartitionEntries<OfPartition> counts) {
            this.counts = counts;
        }

        @Override
        public Boolean call(String reason, Boolean isNew, Timestamp ingestedAt) {
            if (partition == null || partition.partition() != TaskContext.getPartitionId()) {
                partition = new OfPartition(TaskContext.getPartitionId());
                counts.add(partition);
            }
            partition.count(reason, Boolean.TRUE.equals(isNew), ingestedAt);
            return reason == null;
        }
    }
}
