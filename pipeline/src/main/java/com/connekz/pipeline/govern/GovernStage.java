package com.connekz.pipeline.govern;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.sum;

import com.connekz.pipeline.ingest.BronzeSchema;
import com.connekz.pipeline.ingest.Source;
import com.connekz.pipeline.lake.Lake;
import com.connekz.pipeline.run.RunContext;
import com.connekz.pipeline.run.SourceCounts;
import com.connekz.pipeline.run.Stage;
import com.connekz.pipeline.run.StageResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The govern stage: decides every bronze record of every content source against consent, accounts
 * and age as of the run's start, and makes {@code silver/<source>} hold exactly the used ones.
 *
 * <p>Guarantees: every record of a bronze table is counted once, as used or under one exclusion
 * reason; consent and accounts are read at one pinned Delta version each, recorded in the result's
 * inputs so any decision can be replayed; a record that stops being usable (a withdrawal, a deleted
 * account) leaves silver in the same run. A source without a bronze table is skipped.
 */
public final class GovernStage implements Stage {
    public static final String NAME = "govern";
    /** Prefix of the metrics counting, per entity type, what this run redacted: {@code redacted_entities.PERSON}. */
    public static final String REDACTED_ENTITIES = "redacted_entities.";
    static final String ENTITIES_COLUMN = "redaction_entities";

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

        Dataset<Row> consent = pinned(spark, lake, Source.CONSENT, result);
        Dataset<Row> accounts = pinned(spark, lake, Source.ACCOUNTS, result);
        Governance governance = new Governance(consent, accounts, context.startedAt());

        for (Source source : Source.content()) {
            Optional<PinnedTable> bronze = PinnedTable.latest(spark, lake.bronze(source));
            if (bronze.isEmpty()) {
                continue;
            }
            result.input(relative("bronze", source), bronze.get().version());

            Dataset<Row> records = bronze.get().frame();
            DecisionTally tally = new DecisionTally();
            SilverTable.Written written = new SilverTable(spark, lake.silver(source), source)
                    .write(governance.decide(source, records), tally, redaction, context.runId());
            SourceCounts counts = tally.counts().orElseGet(() -> count(governance, source, records));
            result.source(source.folder(), counts.plus(redaction.keptOut(source)));
            result.output(relative("silver", source), written.version());
            result.metric("silver." + source.folder() + ".inserted", written.inserted());
            result.metric("silver." + source.folder() + ".updated", written.updated());
            result.metric("silver." + source.folder() + ".removed", written.removed());
            redactedEntities(spark, lake.silver(source), written.version(), context.runId())
                    .forEach((type, count) -> result.metric(REDACTED_ENTITIES + type, count));
        }
        return result.build();
    }

    /**
     * Used and excluded-by-reason counts of one source in a single aggregation over the columns a
     * decision needs (no text is read): the fallback when the tally taken while writing silver did
     * not arrive.
     */
    static SourceCounts count(Governance governance, Source source, Dataset<Row> bronze) {
        Column[] decisionColumns = Governance.decisionColumns(source).stream().map(Column::new).toArray(Column[]::new);
        List<Row> byReason = governance.decide(source, bronze.select(decisionColumns))
                .groupBy(Governance.EXCLUSION_REASON).count().collectAsList();
        long used = 0;
        Map<String, Long> excluded = new TreeMap<>();
        for (Row row : byReason) {
            if (row.isNullAt(0)) {
                used = row.getLong(1);
            } else {
                excluded.put(row.getString(0), row.getLong(1));
            }
        }
        return SourceCounts.governed(used, excluded);
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
    private static Dataset<Row> pinned(SparkSession spark, Lake lake, Source source, StageResult.Builder result) {
        Optional<PinnedTable> table = PinnedTable.latest(spark, lake.bronze(source));
        table.ifPresent(t -> result.input(relative("bronze", source), t.version()));
        return table.map(PinnedTable::frame)
                .orElseGet(() -> spark.createDataFrame(List.of(), BronzeSchema.of(source)));
    }

    private static String relative(String layer, Source source) {
        return layer + "/" + source.folder();
    }
}
