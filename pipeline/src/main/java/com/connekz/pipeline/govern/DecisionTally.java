package com.connekz.pipeline.govern;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import com.connekz.pipeline.run.SourceCounts;
import java.util.ArrayList;
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
 * Counts the decisions of one source (used, and excluded per reason) while the action that writes
 * silver reads them, so counting costs no pass of its own over bronze.
 *
 * <p>Spark reports observed metrics after the action ends and only from the first action that
 * evaluates the observed frame; a tally that never arrives, or one whose parts do not add up to its
 * total, gives no counts at all rather than wrong ones.
 */
final class DecisionTally {
    private static final String TOTAL = "_decided";
    private static final String USED = "_used";
    private static final String AGAIN = "again_";
    /** Metrics arrive on Spark's listener bus moments after the action; this is a generous bound. */
    private static final long WAIT_SECONDS = 30;

    /**
     * What one source's decisions came to: {@code fresh} over the records ingested since the last
     * mark (the run report's used and excluded), {@code again} over older records decided again
     * because their user's consent or account changed.
     */
    record Decisions(SourceCounts fresh, SourceCounts again) {}

    private final Observation observation = new Observation();

    /**
     * {@code decided} unchanged, counted when an action first evaluates it: every row of it must pass
     * through that action exactly once (no filter or join below the point the action reads it). It
     * needs {@value Governance#EXCLUSION_REASON} and {@value DecisionScope#IS_NEW}.
     */
    Dataset<Row> observe(Dataset<Row> decided) {
        Column reason = col(Governance.EXCLUSION_REASON);
        Column isNew = col(DecisionScope.IS_NEW);
        List<Column> byReason = new ArrayList<>();
        byReason.add(count_if(reason.isNull().and(isNew)).as(USED));
        byReason.add(count_if(reason.isNull().and(not(isNew))).as(AGAIN + USED));
        for (String code : ExclusionReason.codes()) {
            byReason.add(count_if(reason.equalTo(lit(code)).and(isNew)).as(code));
            byReason.add(count_if(reason.equalTo(lit(code)).and(not(isNew))).as(AGAIN + code));
        }
        return decided.observe(observation, count(lit(1)).as(TOTAL), byReason.toArray(Column[]::new));
    }

    /**
     * The observed counts once the action that evaluated the observed frame has finished; empty if
     * they did not arrive or do not reconcile.
     */
    Optional<Decisions> counts() {
        Map<String, Object> metrics;
        try {
            Await.ready(observation.future(), Duration.create(WAIT_SECONDS, TimeUnit.SECONDS));
            metrics = observation.getAsJava();
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        if (!(metrics.get(TOTAL) instanceof Long total)) {
            return Optional.empty();
        }
        SourceCounts fresh = counted(metrics, "");
        SourceCounts again = counted(metrics, AGAIN);
        long sum = fresh.used() + fresh.excluded() + again.used() + again.excluded();
        return sum == total ? Optional.of(new Decisions(fresh, again)) : Optional.empty();
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
