package com.connekz.pipeline.deletion;

import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;

/**
 * Filters that Delta's data skipping can apply file by file.
 *
 * <p>Why not {@code IN}: Delta tests an {@code IN} list against one range, from the list's smallest
 * to its largest value. The keyed hashes of 100 users spread over the whole hash space, so that range
 * overlaps nearly every file (measured: 988 of 1,000 files of a gold table laid out by
 * {@code subject_hash}). One equality per value keeps each value's own range (97 files).
 */
final class SkippingFilter {
    /**
     * The most values one filter holds. Delta evaluates the skipping predicate (two comparisons per
     * value, written twice) in one generated method: 60 values compiled, 100 outgrew the JVM's 64 KB
     * limit, and Spark fell back to interpreting it after logging the whole plan, hashes included.
     * Each batch costs a MERGE and a commit, so batches are as large as compiles.
     */
    static final int MAX_VALUES = 60;

    private SkippingFilter() {}

    /** {@code values} cut into lists of at most {@link #MAX_VALUES}, one filter (and commit) each. */
    static List<List<String>> batches(List<String> values) {
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < values.size(); from += MAX_VALUES) {
            batches.add(values.subList(from, Math.min(values.size(), from + MAX_VALUES)));
        }
        return batches;
    }

    /** {@code column} equals one of {@code values}; false for no values. */
    static Column anyOf(Column column, List<String> values) {
        return values.isEmpty() ? lit(false) : anyOf(column, values, 0, values.size());
    }

    // A balanced tree of ORs: a chain of hundreds would nest as deep as it is long.
    private static Column anyOf(Column column, List<String> values, int from, int to) {
        if (to - from == 1) {
            return column.equalTo(lit(values.get(from)));
        }
        int middle = (from + to) >>> 1;
        return anyOf(column, values, from, middle).or(anyOf(column, values, middle, to));
    }
}
