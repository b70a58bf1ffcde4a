package com.connekz.pipeline.ingest;

import com.connekz.pipeline.spark.PartitionEntries;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * What the lines of one {@link LandedSlice} came to, gathered by the task that read them (one
 * partition per slice): how many were good, the bad ones by reason, the bad rows themselves up to
 * a bound, and the hashes of the good ones' keys.
 *
 * @param partition  the partition (slice) it describes
 * @param badRows    the bad lines as rows of {@link ParsedSchema}; all of them unless {@code overflowed}
 * @param overflowed whether the slice had more bad lines than a task keeps, so that {@code badRows}
 *                   holds only some of them and the slice must be read again for the rest
 * @param keyHashes  the {@link KeyHashes} of the good lines' natural keys, sorted; null when the slice had more than a task keeps
 */
record SliceOutcome(int partition, long good, Map<String, Long> badByReason, List<InternalRow> badRows, boolean overflowed,
                    long[] keyHashes) implements PartitionEntries.Entry {}
