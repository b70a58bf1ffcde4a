package com.connekz.pipeline.govern;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.connekz.pipeline.govern.GovernMarks.Mark;
import com.connekz.pipeline.govern.GovernMarks.TableMark;
import com.connekz.pipeline.ingest.BronzeSchema;
import com.connekz.pipeline.ingest.Source;
import com.connekz.pipeline.lake.DeltaTables;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Which bronze records of one source a run decides. Deciding every record every night costs in
 * proportion to the lake, so a run decides what can have changed since the source's last mark:
 * the records ingested after it, and every record of a user whose consent or account changed (an
 * event or account state ingested after it, or an event or account deletion whose instant fell
 * between the mark's "as of" and this run's).
 *
 * <p>It decides everything instead when the narrower set cannot be trusted: no mark, no silver, rules of
 * another version, another redaction policy (silver's rows are then redacted again), a clock
 * behind the mark's, or a table changed since the mark by anything but
 * ingestion's appends and merges (which stamp every row they write with a later
 * {@code _ingested_at}) and the deletion stage's deletes, purges and vacuums (which remove rows
 * from silver themselves). An overwrite or a re-created table therefore means a full decision.
 *
 * <p>Either way every decided record carries {@value #IS_NEW}: whether it was ingested after the
 * mark. The run report counts those (so this run's accepted records equal its used plus excluded
 * ones); records decided again because their user's consent or account changed are counted apart.
 */
final class DecisionScope {
    /** Whether a decided record was ingested after the source's last mark (true for all without one). */
    static final String IS_NEW = "_ingested_since_mark";
    private static final String AFFECTED = "_affected_subject";
    private static final Set<String> ROW_KEEPING_OPERATIONS =
            Set.of("MERGE", "DELETE", "REORG", "OPTIMIZE", "VACUUM START", "VACUUM END", "SET TBLPROPERTIES");
    /** Operations that never add a row to a table. */
    private static final Set<String> NEVER_ADDING_ROWS =
            Set.of("DELETE", "REORG", "OPTIMIZE", "VACUUM START", "VACUUM END", "SET TBLPROPERTIES");

    private final Optional<Mark> mark;
    private final String wholeBecause;
    private final Dataset<Row> affectedSubjects;

    private DecisionScope(Optional<Mark> mark, String wholeBecause, Dataset<Row> affectedSubjects) {
        this.mark = mark;
        this.wholeBecause = wholeBecause;
        this.affectedSubjects = affectedSubjects;
    }

    /**
     * The scope of a run over {@code bronze} given the source's last mark, the pinned policy
     * tables, the run's "as of" instant, whether silver exists (a missing one needs everything) and
     * the redaction policy version this run writes silver under (null when unredacted).
     */
    static DecisionScope of(SparkSession spark, Optional<Mark> mark, PinnedTable bronze, PinnedTable consent,
                            PinnedTable accounts, Instant asOf, boolean silverExists, String redactionPolicy) {
        if (mark.isEmpty()) {
            return new DecisionScope(mark, "no earlier mark", null);
        }
        if (!silverExists) {
            return new DecisionScope(mark, "silver does not exist", null);
        }
        Mark last = mark.get();
        String whole = last.rulesVersion() != Governance.RULES_VERSION ? "the rules changed"
                : !Objects.equals(last.redactionPolicy(), redactionPolicy) ? "the redaction policy changed"
                : asOf.isBefore(last.asOf()) ? "this run's clock is behind the last mark's"
                : rewritten(spark, bronze, last.bronze())
                        .or(() -> rewritten(spark, consent, last.consent()))
                        .or(() -> rewritten(spark, accounts, last.accounts()))
                        .orElse(null);
        if (whole != null) {
            return new DecisionScope(mark, whole, null);
        }
        Timestamp lastAsOf = Timestamp.from(last.asOf());
        Timestamp now = Timestamp.from(asOf);
        Dataset<Row> byConsent = consent.frame()
                .filter(ingestedAfter(last.consent()).or(passedBetween(col("effective_at"), lastAsOf, now)))
                .select(col("user_id").as(AFFECTED));
        Dataset<Row> byAccount = accounts.frame()
                .filter(ingestedAfter(last.accounts()).or(passedBetween(col("deleted_at"), lastAsOf, now)))
                .select(col("user_id").as(AFFECTED));
        return new DecisionScope(mark, null, byConsent.union(byAccount).filter(col(AFFECTED).isNotNull()).distinct());
    }

    /**
     * Whether the scope holds no record at all: it is not whole, no commit since the mark can have
     * added a row to {@code bronze} (only deletes, purges, vacuums and property changes followed it),
     * and no user's consent or account changed. Then the run has nothing to decide, and silver
     * nothing to gain or lose. Bronze's commits are read from its log; the affected users need one
     * small query of the policy tables.
     */
    boolean decidesNothing(SparkSession spark, PinnedTable bronze) {
        return wholeBecause == null && !mayHaveNewRows(spark, bronze) && affectedSubjects.isEmpty();
    }

    private boolean mayHaveNewRows(SparkSession spark, PinnedTable bronze) {
        return DeltaTables.commitsAfter(spark, bronze.path(), mark.orElseThrow().bronze().version()).stream()
                .filter(commit -> commit.version() <= bronze.version())
                .anyMatch(commit -> !NEVER_ADDING_ROWS.contains(commit.operation()));
    }

    /** Whether every record is decided, and why. */
    Optional<String> whole() {
        return Optional.ofNullable(wholeBecause);
    }

    /**
     * The records of {@code bronze} this run decides, each with {@value #IS_NEW}: all of them when
     * the scope is whole, else the new ones and those of affected users.
     */
    Dataset<Row> select(Source source, Dataset<Row> bronze) {
        Column isNew = ingestedAfter(mark.map(Mark::bronze).orElse(TableMark.NONE));
        if (wholeBecause != null) {
            return bronze.withColumn(IS_NEW, isNew);
        }
        Column subject = col(Governance.subjectField(source));
        return bronze.join(affectedSubjects, subject.equalTo(col(AFFECTED)), "left")
                .withColumn(IS_NEW, isNew)
                .filter(col(IS_NEW).or(col(AFFECTED).isNotNull()))
                .drop(AFFECTED);
    }

    /** An instant after the last mark's "as of" and at or before this run's: it took effect in between. */
    private static Column passedBetween(Column instant, Timestamp lastAsOf, Timestamp asOf) {
        return instant.gt(lit(lastAsOf)).and(instant.leq(lit(asOf)));
    }

    /** Rows ingested after the mark; every row when the mark holds no instant (an empty or missing table). */
    private static Column ingestedAfter(TableMark mark) {
        return mark.ingestedUntil() == null ? lit(true)
                : col(BronzeSchema.INGESTED_AT).gt(lit(Timestamp.from(mark.ingestedUntil())));
    }

    /** Why {@code table} may have changed rows without re-ingesting them since {@code mark}, if it may. */
    private static Optional<String> rewritten(SparkSession spark, PinnedTable table, TableMark mark) {
        if (mark.version() < 0) {
            return Optional.empty();
        }
        if (table.version() < mark.version()) {
            return Optional.of(relative(table) + " is older than the last mark (re-created)");
        }
        return DeltaTables.commitsAfter(spark, table.path(), mark.version()).stream()
                .filter(commit -> commit.version() <= table.version())
                .filter(commit -> !keepsRows(commit))
                .findFirst()
                .map(commit -> relative(table) + " version " + commit.version() + " is a " + commit.operation()
                        + " that may change rows in place");
    }

    private static boolean keepsRows(DeltaTables.Commit commit) {
        return ROW_KEEPING_OPERATIONS.contains(commit.operation())
                || ("WRITE".equals(commit.operation()) && "Append".equals(unquoted(commit.operationParameters().get("mode"))));
    }

    private static String unquoted(String json) {
        return json == null ? null : json.replace("\"", "");
    }

    private static String relative(PinnedTable table) {
        String[] parts = table.path().split("/");
        return parts.length < 2 ? table.path() : parts[parts.length - 2] + "/" + parts[parts.length - 1];
    }
}
