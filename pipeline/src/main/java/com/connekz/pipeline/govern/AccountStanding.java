package com.connekz.pipeline.govern;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.time.Instant;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Who has an account, whether it is deleted, and from which instant its holder is an adult.
 *
 * <p>A person is 18 from 00:00 UTC of their 18th birthday. Someone born on 29 February becomes 18
 * on 1 March: eighteen years after a leap year is never a leap year, and the later candidate day
 * never admits anyone early.
 *
 * <p>Everything but the comparison with the record's instant is computed once per account.
 */
public final class AccountStanding {
    public static final int ADULT_AGE = 18;

    private static final String USER = "_account_user_id";
    private static final String STANDING = "_account_standing";
    private static final String ADULT_FROM = "_account_adult_from";

    private final Dataset<Row> standings;

    /**
     * @param accounts rows with the bronze {@code accounts} columns; where a user has several, the
     *                 most recently ingested one is the account's state
     * @param asOf     the build instant: a deletion at or before it counts
     */
    public AccountStanding(Dataset<Row> accounts, Instant asOf) {
        Dataset<Row> latest = accounts
                .filter(col("user_id").isNotNull())
                .groupBy(col("user_id"))
                .agg(max_by(struct(col("date_of_birth"), col("deleted_at")),
                        struct(col("_ingested_at"), col("_source_file"), col("_line"))).as("state"));
        Column birth = col("state.date_of_birth");
        Column deletedAt = col("state.deleted_at");
        this.standings = latest.select(
                col("user_id").as(USER),
                when(deletedAt.isNotNull().and(deletedAt.leq(lit(Timestamp.from(asOf)))), lit(ExclusionReason.DELETED_ACCOUNT.code()))
                        .when(birth.isNull(), lit(ExclusionReason.UNKNOWN_AGE.code()))
                        .as(STANDING),
                timestamp_seconds(unix_date(eighteenthBirthday(birth)).cast("long").multiply(86_400)).as(ADULT_FROM));
    }

    /** The day someone born on {@code birth} turns 18: the same month and day, or 1 March for 29 February. */
    static Column eighteenthBirthday(Column birth) {
        Column sameDay = add_months(birth, 12 * ADULT_AGE);
        return when(month(birth).equalTo(2).and(dayofmonth(birth).equalTo(29)), date_add(sameDay, 1)).otherwise(sameDay);
    }

    /**
     * Adds {@code reasonColumn}: the exclusion the subject's account leads to for a record at
     * {@code recordTime}, or null when it allows use: {@code no_account}, {@code deleted_account},
     * {@code unknown_age} or {@code minor}, in that order of precedence. One row per input row.
     */
    public Dataset<Row> attach(Dataset<Row> records, Column subject, Column recordTime, String reasonColumn) {
        return records.join(standings, subject.equalTo(col(USER)), "left")
                .withColumn(reasonColumn,
                        when(col(USER).isNull(), lit(ExclusionReason.NO_ACCOUNT.code()))
                                .when(col(STANDING).isNotNull(), col(STANDING))
                                .when(recordTime.lt(col(ADULT_FROM)), lit(ExclusionReason.MINOR.code())))
                .drop(USER, STANDING, ADULT_FROM);
    }
}
