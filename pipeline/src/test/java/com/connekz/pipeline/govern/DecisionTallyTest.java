package com.connekz.pipeline.govern;

import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.run.SourceCounts;
import com.connekz.pipeline.testing.SharedSpark;
import java.nio.file.Path;
import java.util.List;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionTallyTest {
    @TempDir
    Path root;

    static final Instant INGESTED = Instant.parse("2026-11-24T00:00:00Z");

    /** Decided records as (reason, ingested since the mark) pairs, the n-th ingested n seconds after {@link #INGESTED}. */
    static Dataset<Row> decided(Object... reasonAndNew) {
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < reasonAndNew.length; i += 2) {
            rows.add(org.apache.spark.sql.RowFactory.create(reasonAndNew[i], reasonAndNew[i + 1],
                    java.sql.Timestamp.from(INGESTED.plusSeconds(i / 2))));
        }
        return SharedSpark.session().createDataFrame(rows, new org.apache.spark.sql.types.StructType()
                .add(Governance.EXCLUSION_REASON, org.apache.spark.sql.types.DataTypes.StringType)
                .add(DecisionScope.IS_NEW, org.apache.spark.sql.types.DataTypes.BooleanType)
                .add("_ingested_at", org.apache.spark.sql.types.DataTypes.TimestampType));
    }

    @Test
    void countsEveryDecisionWhileADeltaWriteReadsOnlyTheUsedOnes() {
        DecisionTally tally = new DecisionTally();
        tally.keepUsed(decided(null, true, null, true, "minor", true, "no_consent", true, "minor", true))
                .write().format("delta").save(root.resolve("used").toString());

        assertThat(SharedSpark.session().read().format("delta").load(root.resolve("used").toString()).count()).isEqualTo(2);
        assertThat(tally.counts()).contains(new DecisionTally.Decisions(
                SourceCounts.governed(2, Map.of("minor", 2L, "no_consent", 1L)), SourceCounts.governed(0, Map.of()),
                Optional.of(INGESTED.plusSeconds(4))));
    }

    @Test
    void recordsDecidedAgainAreCountedApartFromNewOnesAndLeaveTheLatestNewInstantAlone() {
        DecisionTally tally = new DecisionTally();
        assertThat(tally.keepUsed(decided(null, true, "withdrawn", false, "withdrawn", false, "minor", true, null, false))
                .collectAsList()).hasSize(2);

        assertThat(tally.counts()).contains(new DecisionTally.Decisions(
                SourceCounts.governed(1, Map.of("minor", 1L)), SourceCounts.governed(1, Map.of("withdrawn", 2L)),
                Optional.of(INGESTED.plusSeconds(3))));
    }

    @Test
    void decisionsHeldInCacheAreCountedByAnAggregationOfTheirOwn() {
        Dataset<Row> cached = decided(null, false, "minor", true).persist();
        try {
            cached.count();
            DecisionTally tally = new DecisionTally();
            tally.aggregate(cached);

            assertThat(tally.counts()).contains(new DecisionTally.Decisions(SourceCounts.governed(0, Map.of("minor", 1L)),
                    SourceCounts.governed(1, Map.of()), Optional.of(INGESTED.plusSeconds(1))));
        } finally {
            cached.unpersist();
        }
    }

    @Test
    void noNewRecordsMeansNoLatestNewInstant() {
        DecisionTally tally = new DecisionTally();
        tally.aggregate(decided(null, false));

        assertThat(tally.counts().orElseThrow().latestNew()).isEmpty();
    }

    @Test
    void aReasonOutsideThePolicyGivesNoCountsRatherThanWrongOnes() {
        DecisionTally tally = new DecisionTally();
        List<Row> rows = tally.keepUsed(decided(null, true, "made_up", true)).collectAsList();

        assertThat(rows).hasSize(1);
        assertThat(tally.counts()).isEmpty();
    }

    @Test
    void usedRecordsReadByTwoActionsAreCountedOnce() {
        DecisionTally tally = new DecisionTally();
        Dataset<Row> used = tally.keepUsed(decided(null, true, "minor", true, null, true).repartition(3));
        assertThat(used.count()).isEqualTo(2);
        assertThat(used.collectAsList()).hasSize(2);

        assertThat(tally.counts()).contains(new DecisionTally.Decisions(SourceCounts.governed(2, Map.of("minor", 1L)),
                SourceCounts.governed(0, Map.of()), Optional.of(INGESTED.plusSeconds(2))));
    }

    @Test
    void aTallyNoActionTookGivesNoCounts() {
        DecisionTally tally = new DecisionTally();

        tally.keepUsed(decided(null, true, "minor", true));

        assertThat(tally.counts()).isEmpty();
    }
}
