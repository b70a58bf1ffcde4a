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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
    /** Operations that never add a row: the deletion stage's deletes, purges and vacuums, property changes. */
    private static final Set<String> NEVER_ADDING_ROWS =
            Set.of("DELETE", "REORG", "OPTIMIZE", "VACUUM START", "VACUUM END", "SET TBLPROPERTIES");
    /** Operations that change no row in place: those, and ingestion's merges (which stamp every row they write). */
    private static final Set<String> ROW_KEEPING_OPERATIONS = Stream.concat(NEVER_ADDING_ROWS.stream(), Stream.of("MERGE"))
            .collect(Collectors.toUnmodifiableSet());

    private final Optional<Mark> mark;
    private final String wholeBecause;
    private final Dataset<Row> affectedSubjects;
    private final boolean bronzeMayHaveNewRows;

    private DecisionScope(Optional<Mark> mark, String wholeBecause, Dataset<Row> affectedSubjects,
                          boolean bronzeMayHaveNewRows) {
        this.mark = mark;
        this.wholeBecause = wholeBecause;
        this.affectedSubjects = affectedSubjects;
        this.bronzeMayHaveNewRows = bronzeMayHaveNewRows;
    }

    private static DecisionScope whole(Optional<Mark> mark, String because) {
        return new DecisionScope(mark, because, null, true);
    }

    /**
     * The scope of a run over {@code bronze} given the source's last mark, the pinned policy
     * tables, the run's "as of" instant, whether silver exists (a missing one needs everything) and
     * the redaction policy version this run writes silver under (null when unredacted).
     */
    static DecisionScope of(SparkSession spark, Optional<Mark> mark, PinnedTable bronze, PinnedTable consent,
                            PinnedTable accounts, Instant asOf, boolean silverExists, String redactionPolicy) {
        if (mark.isEmpty()) {
            return whole(mark, "no earlier mark");
        }
        if (!silverExists) {
            return whole(mark, "silver does not exist");
        }
        Mark last = mark.get();
        List<DeltaTables.Commit> bronzeCommits = commitsSince(spark, bronze, last.bronze());
        String whole = last.rulesVersion() != Governance.RULES_VERSION ? "the rules changed"
                : !Objects.equals(last.redactionPolicy(), redactionPolicy) ? "the redaction policy changed"
                : asOf.isBefore(last.asOf()) ? "this run's clock is behind the last mark's"
                : rewritten(bronze, last.bronze(), bronzeCommits)
                        .or(() -> rewritten(consent, last.consent(), commitsSince(spark, consent, last.consent())))
                        .or(() -> rewritten(accounts, last.accounts(), commitsSince(spark, accounts, last.accounts())))
                        .orElse(null);
        if (whole != null) {
            return whole(mark, whole);
        }
        Timestamp lastAsOf = Timestamp.from(last.asOf());
        Timestamp now = Timestamp.from(asOf);
        Dataset<Row> byConsent = consent.frame()
                .filter(ingestedAfter(last.consent()).or(passedBetween(col("effective_at"), lastAsOf, now)))
                .select(col("user_id").as(AFFECTED));
        Dataset<Row> byAccount = accounts.frame()
                .filter(ingestedAfter(last.accounts()).or(passedBetween(col("deleted_at"), lastAsOf, now)))
                .select(col("user_id").as(AFFECTED));
        boolean mayHaveNewRows = bronzeCommits.stream().anyMatch(commit -> !NEVER_ADDING_ROWS.contains(commit.operation()));
        return new DecisionScope(mark, null, byConsent.union(byAccount).filter(col(AFFECTED).isNotNull()).distinct(),
                mayHaveNewRows);
    }

    /**
     * Whether the scope holds no record at all: it is not whole, no commit since the mark can have
     * added a row to {@code bronze} (only deletes, purges, vacuums and property changes followed it),
     * and no user's consent or account changed. Then the run has nothing to decide, and silver
     * nothing to gain or lose. Bronze's commits were read from its log with the scope; the affected
     * users need one small query of the policy tables.
     */
    boolean decidesNothing() {
        return wholeBecause == null && !bronzeMayHaveNewRows && affectedSubjects.isEmpty();
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

    /** The commits of {@code table} after {@code mark}'s version, up to the pinned version. */
    private static List<DeltaTables.Commit> commitsSince(SparkSession spark, PinnedTable table, TableMark mark) {
        return DeltaTables.commitsAfter(spark, table.path(), mark.version()).stream()
                .filter(commit -> commit.version() <= table.version())
                .toList();
    }

    /**
     * Why {@code table} may have changed rows without re-ingesting them since {@code mark}, if it
     * may, judged by {@code commits}, the table's commits since the mark.
     */
    private static Optional<String> rewritten(PinnedTable table, TableMark mark, List<DeltaTables.Commit> commits) {
        if (mark.version() < 0) {
            return Optional.empty();
        }
        if (table.version() < mark.version()) {
            return Optional.of(relative(table) + " is older than the last mark (re-created)");
        }
        return commits.stream()
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
