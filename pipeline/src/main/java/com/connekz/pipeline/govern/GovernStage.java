package com.connekz.pipeline.govern;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.sum;

import com.connekz.pipeline.govern.GovernMarks.TableMark;
import com.connekz.pipeline.ingest.BronzeSchema;
import com.connekz.pipeline.ingest.Source;
import com.connekz.pipeline.lake.DeltaTables;
import com.connekz.pipeline.lake.Lake;
import com.connekz.pipeline.run.RunContext;
import com.connekz.pipeline.run.SourceCounts;
import com.connekz.pipeline.run.Stage;
import com.connekz.pipeline.run.StageResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The govern stage: decides bronze records of every content source against consent, accounts and
 * age as of the run's start, and makes {@code silver/<source>} hold exactly the used ones.
 *
 * <p>Guarantees: consent and accounts are read at one pinned Delta version each, recorded in the
 * result's inputs so any decision can be replayed; a record that stops being usable (a withdrawal,
 * a deleted account) leaves silver in the same run. A run decides the records its
 * {@link DecisionScope} names: those ingested since the source's last mark and those of users
 * whose consent or account changed, or every record when the narrower set cannot be trusted. The
 * records ingested since the mark are counted once each, as used or under one exclusion reason;
 * those decided again are counted apart, in the metrics {@value #DECIDED_AGAIN}{@code <source>.*}.
 * A source without a bronze table is skipped.
 */
public final class GovernStage implements Stage {
    public static final String NAME = "govern";
    /** Prefix of the metrics counting, per entity type, what this run redacted: {@code redacted_entities.PERSON}. */
    public static final String REDACTED_ENTITIES = "redacted_entities.";
    /** Prefix of the metrics counting older records decided again: {@code decided_again.chats.withdrawn}. */
    public static final String DECIDED_AGAIN = "decided_again.";
    /** Metric per source: 1 when nothing can have changed since its last mark and no record was decided. */
    public static final String DECIDED_NOTHING = "decided_nothing.";
    static final String ENTITIES_COLUMN = "redaction_entities";
    private static final Logger LOG = LoggerFactory.getLogger(GovernStage.class);

    private final RedactionHook redaction;

    /** A stage storing records unredacted: until the redaction hook is wired in. */
    public GovernStage() {
        this(RedactionHook.NONE);
    }

    /** @param redaction applied to used records before they are written to silver */
    public GovernStage(RedactionHook redaction) {
        this.redaction = redaction;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StageResult run(RunContext context) {
        SparkSession spark = context.spark();
        Lake lake = context.lake();
        StageResult.Builder result = StageResult.builder(NAME);

        // Every source's decision and scope read the two policy tables: held once for the run.
        PinnedTable consent = pinned(spark, lake, Source.CONSENT, result).held();
        PinnedTable accounts = pinned(spark, lake, Source.ACCOUNTS, result).held();
        try {
            governSources(context, consent, accounts, result);
        } finally {
            consent.release();
            accounts.release();
        }
        return result.build();
    }

    private void governSources(RunContext context, PinnedTable consent, PinnedTable accounts, StageResult.Builder result) {
        SparkSession spark = context.spark();
        Lake lake = context.lake();
        Governance governance = new Governance(consent.frame(), accounts.frame(), context.startedAt());
        GovernMarks marks = new GovernMarks(spark, lake.system(GovernMarks.FOLDER));
        Map<String, GovernMarks.Mark> lastMarks = marks.latest();
        TableMark consentMark = consent.mark();
        TableMark accountsMark = accounts.mark();

        for (Source source : Source.content()) {
            Optional<PinnedTable> pinnedBronze = PinnedTable.latest(spark, lake.bronze(source));
            if (pinnedBronze.isEmpty()) {
                continue;
            }
            PinnedTable bronze = pinnedBronze.get();
            result.input(relative("bronze", source), bronze.version());

            Optional<GovernMarks.Mark> last = Optional.ofNullable(lastMarks.get(source.folder()));
            String redactionPolicy = redaction.policyVersion(source).orElse(null);
            DecisionScope scope = DecisionScope.of(spark, last, bronze, consent, accounts,
                    context.startedAt(), DeltaTables.exists(spark, lake.silver(source)), redactionPolicy);
            scope.whole().ifPresent(why -> LOG.info("govern {}: deciding every record ({})", source.folder(), why));
            result.metric("decided_whole." + source.folder(), scope.whole().isPresent() ? 1 : 0);
            SilverTable silver = new SilverTable(spark, lake.silver(source), source);
            boolean nothing = scope.decidesNothing();
            result.metric(DECIDED_NOTHING + source.folder(), nothing ? 1 : 0);
            SilverTable.Written written;
            DecisionTally.Decisions decisions;
            if (nothing) {
                LOG.info("govern {}: nothing ingested and no consent or account changed since the last mark", source.folder());
                written = silver.unchanged();
                decisions = DecisionTally.Decisions.NONE;
            } else {
                Dataset<Row> selected = scope.select(source, bronze.frame());
                SilverTable.Decided decided = new SilverTable.Decided(governance.decide(source, selected),
                        scope.whole().isPresent(),
                        examples -> governance.decide(source, SilverTable.ofExamples(source,
                                scope.whole().isPresent() ? bronze.frame() : bronze.filesHolding(source.exampleKey(), examples,
                                        SilverTable.CHANGED_EXAMPLE), examples)));
                DecisionTally tally = new DecisionTally();
                written = silver.write(decided, tally, redaction, context.runId());
                decisions = tally.counts().orElseGet(() -> count(governance, source, selected));
            }
            Instant ingestedUntil = decisions.latestNew()
                    .or(() -> last.map(mark -> mark.bronze().ingestedUntil()))
                    .orElse(null);
            result.source(source.folder(), decisions.fresh().plus(redaction.keptOut(source)));
            result.metric(DECIDED_AGAIN + source.folder() + ".used", decisions.again().used());
            decisions.again().excludedByReason()
                    .forEach((reason, count) -> result.metric(DECIDED_AGAIN + source.folder() + "." + reason, count));
            result.output(relative("silver", source), written.version());
            result.metric("silver." + source.folder() + ".inserted", written.inserted());
            result.metric("silver." + source.folder() + ".updated", written.updated());
            result.metric("silver." + source.folder() + ".removed", written.removed());
            if (written.inserted() + written.updated() > 0) {
                redactedEntities(spark, lake.silver(source), written.version(), context.runId())
                        .forEach((type, count) -> result.metric(REDACTED_ENTITIES + type, count));
            }
            marks.record(new GovernMarks.Mark(source.folder(), context.runId(), context.startedAt(),
                    Governance.RULES_VERSION, new TableMark(bronze.version(), ingestedUntil), consentMark, accountsMark,
                    redactionPolicy));
        }
    }

    /**
     * The decisions of the selected records counted in one aggregation over the columns a decision
     * needs (no text is read): the fallback when the tally taken while writing silver did not arrive.
     */
    static DecisionTally.Decisions count(Governance governance, Source source, Dataset<Row> selected) {
        List<Column> columns = new java.util.ArrayList<>(Governance.decisionColumns(source).stream().map(Column::new).toList());
        columns.add(col(DecisionScope.IS_NEW));
        columns.add(col(BronzeSchema.INGESTED_AT));
        DecisionTally tally = new DecisionTally();
        tally.aggregate(governance.decide(source, selected.select(columns.toArray(Column[]::new))));
        return tally.counts().orElseThrow(() -> new IllegalStateException(
                "the decisions of " + source.folder() + " do not add up to the records decided"));
    }

    /**
     * Entities redacted in the rows this run wrote to silver, per type, read back from the silver
     * version it committed (the redaction hook adds the per-row counts); none when silver holds no
     * such counts (a run without redaction).
     */
    static Map<String, Long> redactedEntities(SparkSession spark, String silver, long version, String runId) {
        Dataset<Row> rows = spark.read().format("delta").option("versionAsOf", version).load(silver);
        if (!List.of(rows.columns()).contains(ENTITIES_COLUMN)) {
            return Map.of();
        }
        Map<String, Long> byType = new TreeMap<>();
        rows.filter(col(SilverTable.GOVERN_RUN_ID).equalTo(runId))
                .select(explode(col(ENTITIES_COLUMN)).as(new String[] {"type", "count"}))
                .groupBy("type").agg(sum("count"))
                .collectAsList()
                .forEach(row -> byType.put(row.getString(0), row.getLong(1)));
        return byType;
    }

    /** A policy table at its latest version (recorded as an input), or no rows at all when it does not exist. */
    private static PinnedTable pinned(SparkSession spark, Lake lake, Source source, StageResult.Builder result) {
        PinnedTable table = PinnedTable.latestOrEmpty(spark, lake.bronze(source), BronzeSchema.of(source));
        if (table.exists()) {
            result.input(relative("bronze", source), table.version());
        }
        return table;
    }

    private static String relative(String layer, Source source) {
        return layer + "/" + source.folder();
    }
}
