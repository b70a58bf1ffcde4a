package com.connekz.pipeline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.run.StageResult;
import com.connekz.pipeline.testing.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StageProfileTest {
    @Test
    void namesTheStageAndTheLineThatRanEachQuery() {
        List<String> printed = new ArrayList<>();
        StageProfile profile = StageProfile.printing(SharedSpark.session(), printed::add);

        profile.start();
        assertThat(SharedSpark.session().range(1_000).filter("id % 7 = 0").count()).isEqualTo(143);
        profile.finish(StageResult.builder("ingest").metric("silver.chats.inserted", 143).build());

        assertThat(printed).hasSize(1);
        assertThat(printed.get(0)).startsWith("profile of ingest")
                .contains("bench.StageProfileTest.namesTheStageAndTheLineThatRanEachQuery(StageProfileTest.java:")
                .containsPattern("Spark jobs: [1-9]").contains("metrics: {silver.chats.inserted=143}");
    }

    @Test
    void startForgetsTheQueriesOfTheStageBefore() {
        List<String> printed = new ArrayList<>();
        StageProfile profile = StageProfile.printing(SharedSpark.session(), printed::add);

        profile.start();
        assertThat(SharedSpark.session().range(10).count()).isEqualTo(10);
        profile.finish(StageResult.builder("ingest").build());
        profile.start();
        profile.finish(StageResult.builder("govern").build());

        assertThat(printed.get(1)).startsWith("profile of govern").doesNotContain("StageProfileTest.java")
                .contains("Spark jobs: 0");
    }
}
