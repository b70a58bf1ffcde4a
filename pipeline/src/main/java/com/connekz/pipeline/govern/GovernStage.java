package com.connekz.pipeline.govern;

import static org.apache.spark.sql.functions.col;

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
            SourceCounts counts = count(governance, source, bronze.get().frame());

            Dataset<Row> used = governance.decide(source, bronze.get().frame())
                    .filter(col(Governance.EXCLUSION_REASON).isNull())
                    .drop(Governance.EXCLUSION_REASON);
            SilverTable.Written written = new SilverTable(spark, lake.silver(source), source)
                    .write(used, redaction, context.runId());
            result.source(source.folder(), counts.plus(redaction.keptOut(source)));
            result.output(relative("silver", source), written.version());
            result.metric("silver." + source.folder() + ".inserted", written.inserted());
            result.metric("silver." + source.folder() + ".updated", written.updated());
            result.metric("silver." + source.folder() + ".removed", written.removed());
        }
        return result.build();
    }

    /**
     * Used and excluded-by-reason counts of one source in a single aggregation over the columns a
     * decision needs (no text is read).
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
