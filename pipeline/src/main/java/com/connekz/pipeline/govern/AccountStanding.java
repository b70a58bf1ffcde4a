package com.connekz.pipeline.govern;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.sql.Timestamp;
import java.time.Instant;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Who has an account, whether it is deleted, and whether its holder was an adult at a given instant.
 *
 * <p>Age is counted in whole years in UTC: a person is 18 from the start (00:00 UTC) of their 18th
 * birthday. Someone born on 29 February turns a year older on 1 March in common years, the later of
 * the two candidate days, so the rule never admits anyone early.
 */
public final class AccountStanding {
    public static final int ADULT_AGE = 18;

    /** Fields of the struct {@link #attach} adds. */
    static final String DATE_OF_BIRTH = "date_of_birth";
    static final String DELETED_AT = "deleted_at";

    private final Dataset<Row> latestAccounts;
    private final Timestamp asOf;

    /**
     * @param accounts rows with the bronze {@code accounts} columns; where a user has several, the
     *                 most recently ingested one is the account's state
     * @param asOf     the build instant: a deletion at or before it counts
     */
    public AccountStanding(Dataset<Row> accounts, Instant asOf) {
        this.latestAccounts = accounts
                .filter(col("user_id").isNotNull())
                .groupBy(col("user_id").as("_account_user_id"))
                .agg(max_by(struct(col("date_of_birth").as(DATE_OF_BIRTH), col("deleted_at").as(DELETED_AT)),
                        struct(col("_ingested_at"), col("_source_file"), col("_line"))).as("_account"));
        this.asOf = Timestamp.from(asOf);
    }

    /** Adds the struct column {@code accountColumn} (null when the subject has no account); one row per input row. */
    public Dataset<Row> attach(Dataset<Row> records, Column subject, String accountColumn) {
        return records.join(latestAccounts, subject.equalTo(col("_account_user_id")), "left")
                .drop("_account_user_id")
                .withColumnRenamed("_account", accountColumn);
    }

    /**
     * The exclusion the account leads to for a record at {@code recordTime}, or null when it allows
     * use: {@code no_account}, {@code deleted_account}, {@code unknown_age} or {@code minor}, in that
     * order of precedence.
     */
    public Column exclusion(Column account, Column recordTime) {
        Column deletedAt = account.getField(DELETED_AT);
        Column birth = account.getField(DATE_OF_BIRTH);
        return when(account.isNull(), lit(ExclusionReason.NO_ACCOUNT.code()))
                .when(deletedAt.isNotNull().and(deletedAt.leq(lit(asOf))), lit(ExclusionReason.DELETED_ACCOUNT.code()))
                .when(birth.isNull(), lit(ExclusionReason.UNKNOWN_AGE.code()))
                .when(ageInYears(birth, utcDate(recordTime)).lt(ADULT_AGE), lit(ExclusionReason.MINOR.code()));
    }

    /** Completed years between {@code birth} and {@code day}: one less until the month and day come round. */
    static Column ageInYears(Column birth, Column day) {
        Column birthdayNotYetReached = monthAndDay(day).lt(monthAndDay(birth));
        return year(day).minus(year(birth)).minus(when(birthdayNotYetReached, 1).otherwise(0));
    }

    private static Column monthAndDay(Column date) {
        return month(date).multiply(100).plus(dayofmonth(date));
    }

    /** The calendar day of an instant in UTC, whatever the session's time zone. */
    static Column utcDate(Column instant) {
        return org.apache.spark.sql.functions.date_from_unix_date(
                org.apache.spark.sql.functions.floor(
                        org.apache.spark.sql.functions.unix_seconds(instant).divide(86_400)).cast("int"));
    }
}
