package com.connekz.pipeline.launch;

import java.time.Duration;

/**
 * How often a request is tried when Airflow answers 5xx or cannot be reached, and how long to wait
 * between tries: the first back-off, doubled each time, capped at {@code maxBackoff}.
 *
 * @param attempts       tries in all, at least 1
 * @param initialBackoff wait after the first failed try
 * @param maxBackoff     longest wait between two tries
 */
public record RetryPolicy(int attempts, Duration initialBackoff, Duration maxBackoff) {

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    public static RetryPolicy standard() {
        return new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /** The wait after failed try number {@code attempt} (1-based). */
    public Duration backoffAfter(int attempt) {
        Duration backoff = initialBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
        return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
    }
}
