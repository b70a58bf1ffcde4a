package com.connekz.pipeline.govern;

import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.run.SourceCounts;
import com.connekz.pipeline.testing.SharedSpark;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionTallyTest {
    @TempDir
    Path root;

    static Dataset<Row> decided(String... reasons) {
        return SharedSpark.session().createDataset(Arrays.asList(reasons), Encoders.STRING()).toDF(Governance.EXCLUSION_REASON);
    }

    @Test
    void countsEveryDecisionWhileADeltaWriteReadsOnlyTheUsedOnes() {
        DecisionTally tally = new DecisionTally();
        tally.observe(decided(null, null, "minor", "no_consent", "minor"))
                .filter("exclusion_reason IS NULL")
                .write().format("delta").save(root.resolve("used").toString());

        assertThat(tally.counts()).contains(SourceCounts.governed(2, Map.of("minor", 2L, "no_consent", 1L)));
    }

    @Test
    void aReasonOutsideThePolicyGivesNoCountsRatherThanWrongOnes() {
        DecisionTally tally = new DecisionTally();
        List<Row> rows = tally.observe(decided(null, "made_up")).collectAsList();

        assertThat(rows).hasSize(2);
        assertThat(tally.counts()).isEmpty();
    }

    @Test
    void recordedCountsNeedNoObservation() {
        DecisionTally tally = new DecisionTally();
        tally.record(SourceCounts.governed(3, Map.of("withdrawn", 1L)));
        assertThat(tally.counts()).contains(SourceCounts.governed(3, Map.of("withdrawn", 1L)));
    }
}
