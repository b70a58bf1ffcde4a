package com.connekz.pipeline.bench;

import java.time.Duration;

/**
 * One timed step of a benchmark beside its baseline from the same run.
 *
 * @param night        which night of the benchmark ({@code first}, {@code incremental}, {@code deletion})
 * @param step         what was measured ({@code ingest}, {@code govern}, ... or {@code nightly} for the whole night)
 * @param records      records the step processed (the night's landed lines)
 * @param bytes        input bytes the step processed (the night's landed bytes)
 * @param time         wall time of the step
 * @param baseline     wall time of the baseline, measured in the same run
 * @param baselineName what the baseline did
 * @param peakHeapBytes the driver's peak heap use during the step (sum of the heap pools' peaks)
 * @param retainedHeapBytes the most driver heap in use right after a garbage collection during the step
 * @param driverOwnHeapBytes the same, less what Spark's memory manager held on the heap at the time
 *                           (in local mode, the executor's cache and execution memory)
 */
public record Measurement(String night, String step, long records, long bytes, Duration time, Duration baseline,
        String baselineName, long peakHeapBytes, long retainedHeapBytes, long driverOwnHeapBytes) {

    public double recordsPerSecond() {
        return records / seconds(time);
    }

    public double megabytesPerSecond() {
        return bytes / 1_000_000.0 / seconds(time);
    }

    public double ratio() {
        return seconds(time) / seconds(baseline);
    }

    private static double seconds(Duration duration) {
        return Math.max(duration.toNanos(), 1) / 1e9;
    }
}
