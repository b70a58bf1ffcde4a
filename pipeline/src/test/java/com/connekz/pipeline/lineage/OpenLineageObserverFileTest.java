package com.connekz.pipeline.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.run.PipelineRun;
import com.connekz.pipeline.run.RunContext;
import com.connekz.pipeline.run.RunReport;
import com.connekz.pipeline.run.SourceCounts;
import com.connekz.pipeline.run.StageResult;
import com.connekz.pipeline.testing.TestRuns;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.transports.Transport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenLineageObserverFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aCompletedStageLeavesAStartAndACompleteEventWithItsDatasetsAndFacets() throws IOException {
        Path policy = Files.writeString(dir.resolve("redaction.yaml"), "version: \"2026-11-r1\"\n");
        RunContext context = LineageTestRuns.nightly(dir, Map.of("redaction.policy", policy.toString()));
        String lake = context.config().lake();
        context.spark().range(2).selectExpr("id AS event_id", "'granted' AS status")
                .write().format("delta").save(lake + "/bronze/consent");

        RunReport report = PipelineRun.execute(context, List.of(TestRuns.stage("govern", ctx ->
                StageResult.builder("govern")
                        .input("bronze/consent", 0)
                        .input("bronze/accounts", 3)
                        .output("silver/chats", 7)
                        .source("chats", SourceCounts.governed(5, Map.of("no_consent", 2L)))
                        .metric("redacted_email", 4)
                        .build())), new OpenLineageObserver(context));

        assertThat(report.status()).isEqualTo(RunReport.SUCCEEDED);
        List<JsonNode> events = events(lake);
        assertThat(events).extracting(e -> e.get("eventType").asText()).containsExactly("START", "COMPLETE");
        events.forEach(event -> assertThat(OpenLineageSpecChecks.violations(event)).isEmpty());
        String stageRun = LineageIds.stageRun(context.runId(), "govern").toString();
        assertThat(events).allSatisfy(event -> {
            assertThat(event.at("/job/namespace").asText()).isEqualTo("connekz-pipeline");
            assertThat(event.at("/job/name").asText()).isEqualTo("nightly.govern");
            assertThat(event.at("/run/runId").asText()).isEqualTo(stageRun);
            assertThat(event.at("/run/facets/parent/run/runId").asText())
                    .isEqualTo(LineageIds.pipelineRun(context.runId()).toString());
            assertThat(event.at("/run/facets/connekz_run/pipelineRunId").asText()).isEqualTo(context.runId());
            assertThat(event.at("/run/facets/connekz_redaction_policy/policyVersion").asText()).isEqualTo("2026-11-r1");
        });

        JsonNode complete = events.get(1);
        assertThat(complete.get("inputs")).extracting(i -> i.get("name").asText())
                .containsExactlyInAnyOrder("bronze/consent", "bronze/accounts");
        assertThat(complete.get("outputs")).extracting(o -> o.get("name").asText()).containsExactly("silver/chats");
        assertThat(complete.findValues("namespace").stream().map(JsonNode::asText))
                .filteredOn(ns -> !ns.equals("connekz-pipeline")).isNotEmpty().allMatch(lake::equals);

        JsonNode consent = dataset(complete.get("inputs"), "bronze/consent");
        assertThat(consent.at("/facets/schema/fields")).extracting(f -> f.get("name").asText())
                .containsExactly("event_id", "status");
        assertThat(consent.at("/facets/connekz_delta/version").asLong()).isZero();
        assertThat(consent.at("/facets/version/datasetVersion").asText()).isEqualTo("0");
        JsonNode accounts = dataset(complete.get("inputs"), "bronze/accounts");
        assertThat(accounts.at("/facets/schema").isMissingNode()).as("no table, no schema facet").isTrue();
        assertThat(accounts.at("/facets/connekz_delta/version").asLong()).isEqualTo(3);

        JsonNode facets = complete.at("/run/facets");
        assertThat(facets.at("/connekz_counts/sources/chats/used").asLong()).isEqualTo(5);
        assertThat(facets.at("/connekz_counts/sources/chats/excludedByReason/no_consent").asLong()).isEqualTo(2);
        assertThat(facets.at("/connekz_counts/metrics/redacted_email").asLong()).isEqualTo(4);
        assertThat(facets.at("/connekz_consent_snapshot/consentVersion").asLong()).isZero();
        assertThat(facets.at("/connekz_consent_snapshot/accountsVersion").asLong()).isEqualTo(3);
        assertThat(facets.at("/connekz_counts/_schemaURL").asText()).contains("ConnekzCountsRunFacet");
    }

    @Test
    void aFailedStageLeavesAFailEventWithTheOneLineReason() throws IOException {
        Path unreadablePolicy = Files.writeString(dir.resolve("redaction.yaml"), "no_such_key: 1\n");
        RunContext context = LineageTestRuns.nightly(dir, Map.of("redaction.policy", unreadablePolicy.toString()));

        RunReport report = PipelineRun.execute(context, List.of(TestRuns.stage("build", ctx -> {
            throw new IllegalStateException("gold table locked\nsecond line");
        })), new OpenLineageObserver(context));

        assertThat(report.status()).isEqualTo(RunReport.FAILED);
        List<JsonNode> events = events(context.config().lake());
        assertThat(events).extracting(e -> e.get("eventType").asText()).containsExactly("START", "FAIL");
        events.forEach(event -> assertThat(OpenLineageSpecChecks.violations(event)).isEmpty());
        JsonNode fail = events.get(1);
        assertThat(fail.at("/run/facets/errorMessage/message").asText()).isEqualTo("build: gold table locked");
        assertThat(fail.at("/run/facets/connekz_redaction_policy/policyVersion").asText()).isEqualTo("unknown");
        assertThat(fail.at("/run/runId").asText()).isEqualTo(events.get(0).at("/run/runId").asText());
    }

    @Test
    void aTransportThatFailsNeverFailsTheStage() {
        RunContext context = LineageTestRuns.nightly(dir, Map.of());
        List<String> attempts = new ArrayList<>();
        OpenLineageObserver observer = new OpenLineageObserver(new Transport() {
            @Override
            public void emit(OpenLineage.RunEvent event) {
                attempts.add(event.getEventType().toString());
                throw new IllegalStateException("lineage service down");
            }

            @Override
            public void emit(OpenLineage.DatasetEvent event) {}

            @Override
            public void emit(OpenLineage.JobEvent event) {}
        });

        observer.started(context, "ingest");
        observer.completed(context, StageResult.builder("ingest").output("bronze/chats", 1).build());
        observer.failed(context, "ingest", "ingest: disk full");

        assertThat(attempts).containsExactly("START", "COMPLETE", "FAIL");
    }

    private static JsonNode dataset(JsonNode datasets, String name) {
        for (JsonNode dataset : datasets) {
            if (dataset.get("name").asText().equals(name)) {
                return dataset;
            }
        }
        throw new AssertionError("no dataset " + name);
    }

    /** Every event file under the lake, in the order the file names sort (event time). */
    private static List<JsonNode> events(String lake) throws IOException {
        Path folder = Path.of(lake, LakeFileTransport.FOLDER);
        List<JsonNode> events = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                assertThat(lines).hasSize(1);
                events.add(JSON.readTree(lines.get(0)));
            }
        }
        return events;
    }
}
