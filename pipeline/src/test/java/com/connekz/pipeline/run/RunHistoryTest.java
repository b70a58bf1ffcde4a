package com.connekz.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.lake.Lake;
import com.connekz.pipeline.testing.SharedSpark;
import com.connekz.pipeline.testing.TestRuns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunHistoryTest {
    @TempDir
    Path dir;

    @Test
    void readsTheMostRecentRunsOldestFirstWithTheirExclusionsByReason() throws Exception {
        String landing = dir.resolve("landing").toString();
        String lakePath = dir.resolve("lake").toString();
        RunHistory history = new RunHistory(SharedSpark.session(), new Lake(lakePath));
        assertThat(history.last(5)).isEmpty();

        List<String> runIds = new ArrayList<>();
        for (long withdrawn = 1; withdrawn <= 3; withdrawn++) {
            RunContext context = TestRuns.context(landing, lakePath, "nightly");
            long excluded = withdrawn;
            PipelineRun.execute(context, List.of(TestRuns.stage("govern", ctx -> StageResult.builder("govern")
                    .source("chats", SourceCounts.governed(10, Map.of("withdrawn", excluded))).build())));
            runIds.add(context.runId());
            Thread.sleep(5); // distinct start times
        }

        List<RecordedStage> lastTwo = history.last(2);

        assertThat(lastTwo).extracting(RecordedStage::runId).containsOnly(runIds.get(1), runIds.get(2));
        assertThat(lastTwo.get(0).runId()).isEqualTo(runIds.get(1));
        RecordedStage latestWholeRun = lastTwo.stream()
                .filter(s -> s.runId().equals(runIds.get(2)) && s.stage().equals(RunLedger.WHOLE_RUN)).findFirst().orElseThrow();
        assertThat(latestWholeRun.counts().get("chats").excludedByReason()).containsEntry("withdrawn", 3L);
        assertThat(history.last(10)).extracting(RecordedStage::runId).containsAll(runIds);
        assertThat(history.last(0)).isEmpty();
    }
}
