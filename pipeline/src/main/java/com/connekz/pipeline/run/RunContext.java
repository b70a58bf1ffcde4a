package com.connekz.pipeline.run;

import com.connekz.pipeline.config.HashKey;
import com.connekz.pipeline.config.PipelineConfig;
import com.connekz.pipeline.hashing.KeyedHash;
import com.connekz.pipeline.lake.Lake;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;

/**
 * Everything a stage needs to run, fixed for the whole run.
 *
 * @param runId    unique id of this run, stamped on every row it writes
 * @param command  the command that started the run ({@code nightly}, {@code ingest}, ...)
 * @param runDate  the logical date of the run (Airflow's {@code ds})
 * @param startedAt when the run started; "as of the build" instant for policy decisions
 */
public record RunContext(
        SparkSession spark,
        PipelineConfig config,
        HashKey hashKey,
        String runId,
        String command,
        LocalDate runDate,
        Instant startedAt) {

    public Lake lake() {
        return new Lake(config.lake());
    }

    public KeyedHash keyedHash() {
        return new KeyedHash(hashKey);
    }
}
