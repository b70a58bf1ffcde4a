package com.connekz.pipeline.govern;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import com.connekz.pipeline.ingest.BronzeSchema;
import com.connekz.pipeline.run.SourceCounts;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import scala.concurrent.Await;
import scala.concurrent.duration.Duration;

/**
 * Counts the decisions of one source (used, and excluded per reason, apart for records ingested
 * since the last mark and records decided again) and the latest {@code _ingested_at} of the new
 * ones, without a pass of its own over bronze: either observed while the action that writes silver
 * reads the decisions, or aggregated from decisions the caller holds in cache (Spark never reports
 * an observation made inside a cached plan).
 *
 * <p>Spark reports observed metrics after the action ends and only from the first action that
 * evaluates the observed frame; a tally that never arrives, or one whose parts do not add up to its
 * total, gives no counts at all rather than wrong ones.
 */
final class DecisionTally {
    private static final String TOTAL = "_decided";
    private static final String USED = "_used";
    private static final String AGAIN = "again_";
    private static final String LATEST_NEW = "_latest_new";
    /** Metrics arrive on Spark's listener bus moments after the action; this is a generous bound. */
    private static final long WAIT_SECONDS = 30;

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

    private final Observation observation = new Observation();
    private Map<String, Object> aggregated;

    /**
     * {@code decided} unchanged, counted when an action first evaluates it: every row of it must pass
     * through that action exactly once (no filter or join below the point the action reads it). It
     * needs {@value Governance#EXCLUSION_REASON}, {@value DecisionScope#IS_NEW} and
     * {@code _ingested_at}.
     */
    Dataset<Row> observe(Dataset<Row> decided) {
        List<Column> tally = tally();
        return decided.observe(observation, tally.get(0), tally.subList(1, tally.size()).toArray(Column[]::new));
    }

    /** Counts {@code decided} (with the columns {@link #observe} needs) in one aggregation of its own. */
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

    /**
     * The aggregated counts, or else the observed ones once the action that evaluated the observed
     * frame has finished; empty if neither arrived or they do not reconcile.
     */
    Optional<Decisions> counts() {
        Map<String, Object> metrics = aggregated;
        if (metrics == null) {
            try {
                Await.ready(observation.future(), Duration.create(WAIT_SECONDS, TimeUnit.SECONDS));
                metrics = observation.getAsJava();
            } catch (TimeoutException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        if (!(metrics.get(TOTAL) instanceof Long total)) {
            return Optional.empty();
        }
        SourceCounts fresh = counted(metrics, "");
        SourceCounts again = counted(metrics, AGAIN);
        long sum = fresh.used() + fresh.excluded() + again.used() + again.excluded();
        return sum == total ? Optional.of(new Decisions(fresh, again, instant(metrics.get(LATEST_NEW)))) : Optional.empty();
    }

    private static Optional<Instant> instant(Object value) {
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
