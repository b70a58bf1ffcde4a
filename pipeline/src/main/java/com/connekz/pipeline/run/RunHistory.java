package com.connekz.pipeline.run;

import static org.apache.spark.sql.functions.col;

import com.connekz.pipeline.lake.DeltaTables;
import com.connekz.pipeline.lake.Lake;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The run ledger over time: the most recent runs with every stage they recorded. Figures and table
 * names only, as {@link RunLedger#read} gives them.
 */
public final class RunHistory {
    private final SparkSession spark;
    private final Lake lake;

    public RunHistory(SparkSession spark, Lake lake) {
        this.spark = spark;
        this.lake = lake;
    }

    /**
     * The ledger rows of the {@code last} most recent runs (by start time), oldest first; the
     * whole-run row of each run is among them. Empty when the lake has no ledger yet.
     */
    public List<RecordedStage> last(int last) {
        if (last <= 0 || !DeltaTables.exists(spark, lake.runs())) {
            return List.of();
        }
        List<String> runIds = spark.read().format("delta").load(lake.runs())
                .filter(col("stage").equalTo(RunLedger.WHOLE_RUN))
                .orderBy(col("started_at").desc(), col("run_id").desc())
                .limit(last)
                .select("run_id")
                .collectAsList().stream().map(row -> row.getString(0)).toList();
        return new RunLedger(spark, lake.runs()).read(runIds);
    }
}
