package com.connekz.pipeline.ingest;

import com.connekz.pipeline.lake.DeltaTables;
import com.connekz.pipeline.lake.Lake;
import java.time.Instant;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code _ingested_at} a run stamps on the rows it writes: the run's start, moved just past the
 * latest bronze commit when the clock is behind it. Every row a run ingests is then stamped later
 * than every row already in bronze, which is what lets govern find the records ingested since its
 * last run by that column alone (a clock set back between two runs would otherwise hide a night).
 */
final class IngestInstant {
    private IngestInstant() {}

    static Instant of(SparkSession spark, Lake lake, Instant runStart) {
        Instant stamp = runStart;
        for (Source source : Source.values()) {
            Instant committed = DeltaTables.latestCommit(spark, lake.bronze(source))
                    .map(commit -> commit.timestamp().plusMillis(1))
                    .orElse(Instant.MIN);
            if (committed.isAfter(stamp)) {
                stamp = committed;
            }
        }
        return stamp;
    }
}
