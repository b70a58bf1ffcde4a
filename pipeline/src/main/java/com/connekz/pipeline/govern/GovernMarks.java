package com.connekz.pipeline.govern;

import com.connekz.pipeline.lake.SystemTable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code _system/govern_marks}: how far each source has been governed. One row per source and run,
 * appended right after that source's silver is written (whether or not silver changed), so the next
 * run decides only what came after it. Versions, instants and counts of rows: no personal data.
 */
final class GovernMarks {
    /** Its folder under {@code _system/}. */
    static final String FOLDER = "govern_marks";
    static final StructType SCHEMA = new StructType()
            .add("source", DataTypes.StringType)
            .add("run_id", DataTypes.StringType)
            .add("as_of", DataTypes.TimestampType)
            .add("rules_version", DataTypes.IntegerType)
            .add("bronze_version", DataTypes.LongType)
            .add("bronze_ingested_until", DataTypes.TimestampType)
            .add("consent_version", DataTypes.LongType)
            .add("consent_ingested_until", DataTypes.TimestampType)
            .add("accounts_version", DataTypes.LongType)
            .add("accounts_ingested_until", DataTypes.TimestampType)
            .add("redaction_policy_version", DataTypes.StringType);

    private final SystemTable table;

    GovernMarks(SparkSession spark, String path) {
        this.table = new SystemTable(spark, path, SCHEMA, List.of("source", "run_id", "as_of", "bronze_version"));
    }

    /**
     * How far one table was read: its Delta version and the latest {@code _ingested_at} it held
     * then (null when it was empty or did not exist).
     */
    record TableMark(long version, Instant ingestedUntil) {
        static final TableMark NONE = new TableMark(-1, null);
    }

    /**
     * One source governed by one run.
     *
     * @param asOf         the run's "as of the build" instant
     * @param rulesVersion {@link Governance#RULES_VERSION} of the code that decided
     * @param redactionPolicy the redaction policy version silver was written under, null when the
     *                        source was stored unredacted (or by code older than this column)
     */
    record Mark(String source, String runId, Instant asOf, int rulesVersion,
                TableMark bronze, TableMark consent, TableMark accounts, String redactionPolicy) {}

    /** The latest mark of each source a run governed, read in one pass. */
    Map<String, Mark> latest() {
        Map<String, Mark> latest = new HashMap<>();
        for (Row row : table.read().collectAsList()) {
            Mark mark = mark(row);
            latest.merge(mark.source(), mark, (a, b) -> later(a, b) ? a : b);
        }
        return latest;
    }

    /** Whether {@code a} was taken after {@code b}: a later "as of", or the same and a later bronze version. */
    private static boolean later(Mark a, Mark b) {
        int byTime = a.asOf().compareTo(b.asOf());
        return byTime != 0 ? byTime > 0 : a.bronze().version() >= b.bronze().version();
    }

    void record(Mark mark) {
        table.append(List.of(RowFactory.create(mark.source(), mark.runId(), Timestamp.from(mark.asOf()),
                mark.rulesVersion(),
                mark.bronze().version(), timestamp(mark.bronze().ingestedUntil()),
                mark.consent().version(), timestamp(mark.consent().ingestedUntil()),
                mark.accounts().version(), timestamp(mark.accounts().ingestedUntil()), mark.redactionPolicy())));
    }

    private static Mark mark(Row row) {
        return new Mark(row.getString(0), row.getString(1), row.getTimestamp(2).toInstant(), row.getInt(3),
                tableMark(row, 4), tableMark(row, 6), tableMark(row, 8), row.getString(10));
    }

    private static TableMark tableMark(Row row, int at) {
        return new TableMark(row.getLong(at), row.isNullAt(at + 1) ? null : row.getTimestamp(at + 1).toInstant());
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
