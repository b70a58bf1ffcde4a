package com.connekz.pipeline.ingest;

import com.connekz.pipeline.spark.PartitionEntries;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * Runs in a task over one slice's parsed lines: passes the good ones on and takes the bad ones out,
 * counting both and keeping the hashes of the good ones' natural keys; when the slice is read to
 * its end, its {@link SliceOutcome} goes to the accumulator. Key hashes and the raw text of bad rows
 * are kept up to the slice's {@link SliceShares share} of a batch's bound, so that a batch of
 * nothing but garbage, or of billions of lines, cannot fill the driver's memory; past it bad rows
 * are only counted and the hashes dropped.
 */
final class GoodLinesOnly implements Function2<Integer, Iterator<InternalRow>, Iterator<InternalRow>> {
    /** The raw text of bad lines the tasks of a batch keep in all, by default. */
    static final long MAX_KEPT_BYTES = 64L << 20;

    private final PartitionEntries<SliceOutcome> outcomes;
    private final long[] keptBytesBySlice;
    private final long[] keyHashesBySlice;
    private final int badReason;
    private final int rawLine;
    private final int naturalKey;

    /**
     * @param keptBytesBySlice the raw text of bad lines each slice's task keeps, by partition
     * @param keyHashesBySlice the key hashes each slice's task keeps, by partition
     */
    GoodLinesOnly(PartitionEntries<SliceOutcome> outcomes, Source source, long[] keptBytesBySlice, long[] keyHashesBySlice) {
        this.outcomes = outcomes;
        this.keptBytesBySlice = keptBytesBySlice;
        this.keyHashesBySlice = keyHashesBySlice;
        this.badReason = ParsedSchema.of(source).fieldIndex(ParsedSchema.BAD_REASON);
        this.rawLine = ParsedSchema.of(source).fieldIndex(ParsedSchema.RAW_LINE);
        this.naturalKey = ParsedSchema.of(source).fieldIndex(source.naturalKey());
    }

    @Override
    public Iterator<InternalRow> call(Integer partition, Iterator<InternalRow> lines) {
        return new AheadIterator<>() {
            private long good;
            private final KeyHashes keys = new KeyHashes(keyHashesBySlice[partition]);
            private final long maxKeptBytes = keptBytesBySlice[partition];
            private final Map<String, Long> badByReason = new TreeMap<>();
            private final List<InternalRow> badRows = new ArrayList<>();
            private long keptBytes;
            private boolean overflowed;
            private boolean reported;

            @Override
            protected InternalRow advance() {
                while (lines.hasNext()) {
                    InternalRow line = lines.next();
                    if (line.isNullAt(badReason)) {
                        good++;
                        keys.add(line.isNullAt(naturalKey) ? null : line.getUTF8String(naturalKey));
                        return line;
                    }
                    badByReason.merge(line.getUTF8String(badReason).toString(), 1L, Long::sum);
                    keep(line);
                }
                if (!reported) {
                    reported = true;
                    outcomes.add(new SliceOutcome(partition, good, Map.copyOf(badByReason), List.copyOf(badRows), overflowed,
                            keys.sorted()));
                }
                return null;
            }

            private void keep(InternalRow line) {
                long bytes = line.isNullAt(rawLine) ? 0 : line.getUTF8String(rawLine).numBytes();
                if (overflowed || keptBytes + bytes > maxKeptBytes) {
                    overflowed = true;
                    return;
                }
                keptBytes += bytes;
                badRows.add(line);
            }
        };
    }
}
