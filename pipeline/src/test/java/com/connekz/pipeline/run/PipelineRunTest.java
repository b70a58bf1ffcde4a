package com.connekz.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.testing.SharedSpark;
import com.connekz.pipeline.testing.TestRuns;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineRunTest {
    @TempDir
    Path dir;

    @Test
    void stopsAtTheFailingStageAndRecordsTheRunInTheLedger() throws Exception {
        RunContext context = TestRuns.context(dir.resolve("landing").toString(), dir.resolve("lake").toString(), "nightly");
        Stage counts = TestRuns.stage("ingest", ctx -> StageResult.builder("ingest")
                .source("chats", SourceCounts.ingested(5, 3, 1, Map.of("invalid_json", 1L)))
                .output("bronze/chats", 1).build());
        Stage fails = TestRuns.stage("govern", ctx -> {
            throw new IllegalStateException("consent table unreadable\nsecond line");
        });
        Stage never = TestRuns.stage("build", ctx -> {
            throw new AssertionError("must not run after a failure");
        });

        RunReport report = PipelineRun.execute(context, List.of(counts, fails, never));

        assertThat(report.succeeded()).isFalse();
        assertThat(report.failedStage()).isEqualTo("govern");
        assertThat(report.reason()).isEqualTo("govern: consent table unreadable");
        List<Row> ledger = SharedSpark.session().read().format("delta").load(context.lake().runs())
                .orderBy("stage").collectAsList();
        assertThat(ledger).extracting(r -> r.<String>getAs("stage") + "=" + r.<String>getAs("status"))
                .containsExactly("*=failed", "govern=failed", "ingest=succeeded");
        assertThat(ledger.get(2).<String>getAs("outputs_json")).contains("bronze/chats");
    }

    @Test
    void theJsonReportAccountsForEveryLine() throws Exception {
        RunContext context = TestRuns.context(dir.resolve("landing").toString(), dir.resolve("lake").toString(), "ingest");
        Stage ingest = TestRuns.stage("ingest", ctx -> StageResult.builder("ingest")
                .source("chats", SourceCounts.ingested(10, 6, 2, Map.of("invalid_json", 1L, "missing_field", 1L)))
                .build());
        Stage govern = TestRuns.stage("govern", ctx -> StageResult.builder("govern")
                .source("chats", SourceCounts.governed(4, Map.of("no_consent", 2L))).build());

        JsonNode json = new ObjectMapper().readTree(RunReportJson.toLine(PipelineRun.execute(context, List.of(ingest, govern))));

        JsonNode chats = json.at("/sources/chats");
        assertThat(json.get("status").asText()).isEqualTo("succeeded");
        assertThat(chats.get("read").asLong()).isEqualTo(
                chats.get("accepted").asLong() + chats.get("quarantined").asLong() + chats.get("duplicate").asLong());
        assertThat(chats.get("used").asLong() + chats.at("/excluded/no_consent").asLong()).isEqualTo(chats.get("accepted").asLong());
        assertThat(chats.get("excluded").has("parties_not_notified")).isTrue();
    }
}
