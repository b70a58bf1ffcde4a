package com.connekz.pipeline.ingest;

import java.util.Arrays;
import java.util.List;

/**
 * Splits a budget of what the tasks of one batch may send the driver among the batch's slices, in
 * proportion to their bytes. A task's key hashes and bad lines travel in its result, so a bound per
 * task grows with the number of slices: a 10 GB batch in 320 slices of 32 MB, each sending its 8 MB
 * of bad lines, would pass Spark's 1 GB limit on a job's results and fail the run. Each slice gets
 * twice its proportional part, rounded up, so that lines of uneven length rarely overflow one; all
 * the parts together stay within twice the budget and one unit per slice.
 */
final class SliceShares {
    private static final int SLACK = 2;

    private SliceShares() {}

    /** Each slice's part of {@code budget}, by index, none above {@code budget}. */
    static long[] of(List<LandedSlice> slices, long budget) {
        long[] bytes = slices.stream().mapToLong(SliceShares::bytes).toArray();
        long total = Arrays.stream(bytes).sum();
        long[] shares = new long[slices.size()];
        for (int i = 0; i < shares.length; i++) {
            double part = total == 0 ? 1.0 / shares.length : (double) bytes[i] / total;
            shares[i] = Math.min(budget, (long) Math.ceil(SLACK * budget * part));
        }
        return shares;
    }

    /** The bytes a slice reads: a whole file counts its size as stored (compressed, for gzip). */
    private static long bytes(LandedSlice slice) {
        return slice.end() == LandedSlice.TO_THE_END ? Math.max(0, slice.file().size() - slice.start()) : slice.length();
    }
}
