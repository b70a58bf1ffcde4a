package com.connekz.pipeline.govern;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;

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
    /** Metrics arrive on Spark's listener bus moments after the action; this is a generous bound. */
    private static final long WAIT_SECONDS = 30;

    private final Observation observation = new Observation();
    private SourceCounts recorded;

    /**
     * {@code decided} unchanged, counted when an action first evaluates it: every row of it must pass
     * through that action exactly once (no filter or join below the point the action reads it).
     */
    Dataset<Row> observe(Dataset<Row> decided) {
        Column reason = col(Governance.EXCLUSION_REASON);
        List<Column> byReason = new ArrayList<>();
        byReason.add(count_if(reason.isNull()).as(USED));
        for (String code : ExclusionReason.codes()) {
            byReason.add(count_if(reason.equalTo(lit(code))).as(code));
        }
        return decided.observe(observation, count(lit(1)).as(TOTAL), byReason.toArray(Column[]::new));
    }

    /** Takes counts computed by an aggregation of the writer's own instead of an observation. */
    void record(SourceCounts counts) {
        this.recorded = counts;
    }

    /**
     * The recorded counts, or the observed ones once the action that evaluated the observed frame
     * has finished; empty if neither arrived or the observed ones do not reconcile.
     */
    Optional<SourceCounts> counts() {
        if (recorded != null) {
            return Optional.of(recorded);
        }
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
        if (!(metrics.get(TOTAL) instanceof Long total) || !(metrics.get(USED) instanceof Long used)) {
            return Optional.empty();
        }
        Map<String, Long> excluded = new TreeMap<>();
        long sum = used;
        for (String code : ExclusionReason.codes()) {
            long count = metrics.get(code) instanceof Long value ? value : 0;
            if (count > 0) {
                excluded.put(code, count);
                sum += count;
            }
        }
        return sum == total ? Optional.of(SourceCounts.governed(used, excluded)) : Optional.empty();
    }
}
