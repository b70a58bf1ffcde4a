package com.connekz.pipeline.consent;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.last;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.time.Instant;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Every user's consent per purpose as a timeline of intervals, and the set-based as-of join that
 * tells for each record whether its user held consent at the record's instant and still holds it as
 * of the build.
 *
 * <p>The rules: no event means no consent (default deny); a later event overrides an earlier one;
 * events of one user and purpose at the same instant resolve to withdrawal; events after the build
 * instant do not exist yet. A user "still holds" a purpose when the latest event at or before the
 * build instant is a grant, so a re-grant after a withdrawal restores use.
 *
 * <p>Each interval {@code [from, until)} carries its state, so a record matches at most one interval
 * of its user and purpose: the join neither multiplies records nor needs an aggregation after it.
 */
public final class ConsentTimeline {

    private final Dataset<Row> events;
    private final Timestamp asOf;

    /**
     * @param consentEvents rows with the bronze {@code consent} columns
     * @param asOf          the build instant: events after it are ignored
     */
    public ConsentTimeline(Dataset<Row> consentEvents, Instant asOf) {
        this.events = consentEvents;
        this.asOf = Timestamp.from(asOf);
    }

    /**
     * The intervals of one purpose: {@code user_id, from, until} (null until = still open), whether
     * the interval is a grant, the ids of the events that opened it, and the user's state as of the
     * build with the ids of the events that set it.
     */
    public Dataset<Row> intervals(ConsentPurpose purpose) {
        Dataset<Row> instants = events
                .filter(col("purpose").equalTo(purpose.code())
                        .and(col("user_id").isNotNull())
                        .and(col("effective_at").isNotNull())
                        .and(col("effective_at").leq(lit(asOf))))
                // A null 'granted' cannot grant anything: it counts as a withdrawal.
                .groupBy(col("user_id"), col("effective_at"))
                .agg(min(coalesce(col("granted"), lit(false))).as("granted"),
                        array_sort(collect_set(col("event_id"))).as("event_ids"));
        WindowSpec byTime = Window.partitionBy("user_id").orderBy("effective_at");
        WindowSpec wholeTimeline = byTime.rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing());
        return instants.select(
                col("user_id"),
                col("effective_at").as("from"),
                lead(col("effective_at"), 1).over(byTime).as("until"),
                col("granted"),
                col("event_ids"),
                last(col("granted")).over(wholeTimeline).as("granted_as_of_build"),
                last(col("event_ids")).over(wholeTimeline).as("latest_event_ids"));
    }

    /**
     * Adds to {@code records} two columns for {@code purpose}: {@code <prefix>reason}, the exclusion
     * consent leads to (null when it allows use: {@code missingReason} when not held at the record's
     * instant, {@code withdrawn} when held then but withdrawn as of the build), and
     * {@code <prefix>event_ids}, the sorted ids of the events that opened the record's interval and
     * of the latest event as of the build. Every input row appears exactly once in the result.
     *
     * <p>Everything but the interval lookup is computed once per interval, not once per record.
     */
    public Dataset<Row> attach(Dataset<Row> records, Column subject, Column recordTime,
                               ConsentPurpose purpose, String prefix, String missingReason) {
        Dataset<Row> intervals = intervals(purpose).select(
                col("user_id").as(prefix + "user_id"),
                col("from").as(prefix + "from"),
                col("until").as(prefix + "until"),
                when(col("granted").equalTo(false), lit(missingReason))
                        .when(col("granted_as_of_build").equalTo(false), lit("withdrawn"))
                        .as(prefix + "interval_reason"),
                array_sort(array_distinct(concat(col("event_ids"), col("latest_event_ids")))).as(prefix + "event_ids"));
        Column from = col(prefix + "from");
        Column until = col(prefix + "until");
        Column matches = subject.equalTo(col(prefix + "user_id"))
                .and(recordTime.geq(from))
                .and(until.isNull().or(recordTime.lt(until)));
        return records.join(intervals, matches, "left")
                .withColumn(prefix + "reason", when(from.isNull(), lit(missingReason)).otherwise(col(prefix + "interval_reason")))
                .drop(prefix + "user_id", prefix + "from", prefix + "until", prefix + "interval_reason");
    }
}
