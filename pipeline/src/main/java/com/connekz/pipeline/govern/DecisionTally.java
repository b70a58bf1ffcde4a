package com.connekz.pipeline.govern;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import com.connekz.pipeline.ingest.BronzeSchema;
import com.connekz.pipeline.run.SourceCounts;
import com.connekz.pipeline.spark.PartitionEntries;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Counts the decisions of one source (used, and excluded per reason, apart for records ingested
 * since the last mark and records decided again) and the latest {@code _ingested_at} of the new
 * ones, without a pass of its own over bronze: either by the tasks that keep the used records while
 * the action that writes silver reads them, or aggregated from decisions the caller holds in cache.
 *
 * <p>A tally that was never taken, or that met a reason no rule names, gives no counts at all rather
 * than wrong ones.
 */
final class DecisionTally {
    private static final String TOTAL = "_decided";
    private static final String USED = "_used";
    private static final String AGAIN = "again_";
    private static final String LATEST_NEW = "_latest_new";

    /**
     * What one source's decisions came to: {@code fresh} over the records ingested since the last
     * mark (the run report's used and excluded), {@code again} over older records decided again
     * because their user's consent or account changed, and the latest {@code _ingested_at} of the
     * fresh ones (empty when there were none).
     */
    record Decisions(SourceCounts fresh, SourceCounts again, Optional<Instant> latestNew) {
        /** A run that decided no record. */
        static final Decisions NONE = new Decisions(SourceCounts.governed(0, Map.of()),
                SourceCounts.governed(0, Map.of()), Optional.empty());
    }

    private PartitionEntries<DecisionCounts.OfPartition> counted;
    private Map<String, Object> aggregated;

    /**
     * The used records of {@code decided} ({@value Governance#EXCLUSION_REASON} dropped), every
     * record counted by the task that filters it, once per partition however often Spark evaluates
     * it: the counts are complete when an action over the result has read all of it. It needs
     * {@value Governance#EXCLUSION_REASON}, {@value DecisionScope#IS_NEW} and {@code _ingested_at}.
     * Not {@code Dataset.observe}: its aggregates cut the query's generated code in two, and copying
     * every decided row, text included, between the halves made deciding a million records half as
     * slow again.
     */
    Dataset<Row> keepUsed(Dataset<Row> decided) {
        PartitionEntries<DecisionCounts.OfPartition> counts = new PartitionEntries<>();
        decided.sparkSession().sparkContext().register(counts, "decisions counted while kept");
        counted = counts;
        UserDefinedFunction keepUsed = udf(new DecisionCounts.KeepUsed(counts), DataTypes.BooleanType).asNondeterministic();
        return decided.filter(keepUsed.apply(col(Governance.EXCLUSION_REASON), col(DecisionScope.IS_NEW),
                        col(BronzeSchema.INGESTED_AT)))
                .drop(Governance.EXCLUSION_REASON);
    }

    /** Counts {@code decided} (with the columns {@link #keepUsed} needs) in one aggregation of its own. */
    void aggregate(Dataset<Row> decided) {
        List<Column> tally = tally();
        Row row = decided.agg(tally.get(0), tally.subList(1, tally.size()).toArray(Column[]::new)).first();
        Map<String, Object> values = new HashMap<>();
        for (String name : row.schema().fieldNames()) {
            values.put(name, row.getAs(name));
        }
        aggregated = values;
    }

    private static List<Column> tally() {
        Column reason = col(Governance.EXCLUSION_REASON);
        Column isNew = col(DecisionScope.IS_NEW);
        List<Column> tally = new ArrayList<>();
        tally.add(count(lit(1)).as(TOTAL));
        tally.add(max(when(isNew, col(BronzeSchema.INGESTED_AT))).as(LATEST_NEW));
        tally.add(count_if(reason.isNull().and(isNew)).as(USED));
        tally.add(count_if(reason.isNull().and(not(isNew))).as(AGAIN + USED));
        for (String code : ExclusionReason.codes()) {
            tally.add(count_if(reason.equalTo(lit(code)).and(isNew)).as(code));
            tally.add(count_if(reason.equalTo(lit(code)).and(not(isNew))).as(AGAIN + code));
        }
        return tally;
    }

    /** The aggregated counts, or else those the tasks took; empty if neither was taken or they do not reconcile. */
    Optional<Decisions> counts() {
        if (aggregated == null) {
            return counted == null ? Optional.empty() : DecisionCounts.decisions(counted.value().values());
        }
        if (!(aggregated.get(TOTAL) instanceof Long total)) {
            return Optional.empty();
        }
        SourceCounts fresh = counted(aggregated, "");
        SourceCounts again = counted(aggregated, AGAIN);
        long sum = fresh.used() + fresh.excluded() + again.used() + again.excluded();
        return sum == total ? Optional.of(new Decisions(fresh, again, instant(aggregated.get(LATEST_NEW)))) : Optional.empty();
    }

    static Optional<Instant> instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return Optional.of(timestamp.toInstant());
        }
        return value instanceof Instant instant ? Optional.of(instant) : Optional.empty();
    }

    private static SourceCounts counted(Map<String, Object> metrics, String prefix) {
        long used = metrics.get(prefix + USED) instanceof Long value ? value : 0;
        Map<String, Long> excluded = new TreeMap<>();
        for (String code : ExclusionReason.codes()) {
            long count = metrics.get(prefix + code) instanceof Long value ? value : 0;
            if (count > 0) {
                excluded.put(code, count);
            }
        }
        return SourceCounts.governed(used, excluded);
    }
}
