package com.connekz.pipeline.lineage;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.connekz.pipeline.config.ConfigException;
import com.connekz.pipeline.run.PipelineRun;
import com.connekz.pipeline.run.RunContext;
import com.connekz.pipeline.run.RunReport;
import com.connekz.pipeline.run.SourceCounts;
import com.connekz.pipeline.run.Stage;
import com.connekz.pipeline.run.StageResult;
import com.connekz.pipeline.testing.TestRuns;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Events posted to a real HTTP server on loopback, as a Marquez would receive them. */
class OpenLineageObserverHttpTest {
    private static final String LINEAGE_API = "/api/v1/lineage";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private WireMockServer marquez;

    @BeforeEach
    void startServer() {
        marquez = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        marquez.start();
    }

    @AfterEach
    void stopServer() {
        marquez.stop();
    }

    @Test
    void everyStageOfANightlyRunPostsEventsThatMeetTheSpec() throws Exception {
        marquez.stubFor(post(urlEqualTo(LINEAGE_API)).willReturn(aResponse().withStatus(201)));
        RunContext context = httpRun();

        RunReport report;
        try (OpenLineageObserver observer = new OpenLineageObserver(context)) {
            report = PipelineRun.execute(context, nightlyStages(), observer);
        }

        assertThat(report.status()).isEqualTo(RunReport.FAILED);
        List<JsonNode> events = posted();
        assertThat(events).extracting(e -> e.at("/job/name").asText() + " " + e.get("eventType").asText())
                .containsExactly("nightly.ingest START", "nightly.ingest COMPLETE",
                        "nightly.govern START", "nightly.govern COMPLETE",
                        "nightly.build START", "nightly.build FAIL");
        for (JsonNode event : events) {
            assertThat(OpenLineageSpecChecks.violations(event)).as(event.at("/job/name") + " " + event.get("eventType"))
                    .isEmpty();
        }
        JsonNode governed = events.get(3);
        assertThat(governed.get("inputs")).extracting(i -> i.get("name").asText())
                .containsExactlyInAnyOrder("bronze/chats", "bronze/consent", "bronze/accounts");
        assertThat(governed.get("outputs")).extracting(o -> o.get("namespace").asText())
                .containsOnly(context.config().lake());
        assertThat(governed.at("/run/facets/connekz_consent_snapshot/consentVersion").asLong()).isEqualTo(2);
        assertThat(events.get(1).at("/run/facets/connekz_consent_snapshot").isMissingNode())
                .as("ingest read no consent table").isTrue();
        assertThat(events.get(1).at("/run/facets/connekz_counts/sources/chats/quarantinedByReason/invalid_json").asLong())
                .isEqualTo(1);
        assertThat(events.get(5).at("/run/facets/errorMessage/message").asText()).isEqualTo("build: no examples");
        assertThat(marquez.findAll(postRequestedFor(urlEqualTo(LINEAGE_API))))
                .allSatisfy(r -> assertThat(r.getHeader("Content-Type")).startsWith("application/json"));
    }

    @Test
    void aLineageServiceThatRefusesEventsDoesNotFailTheRun() {
        marquez.stubFor(post(urlEqualTo(LINEAGE_API)).willReturn(aResponse().withStatus(500)));
        RunContext context = httpRun();

        RunReport report;
        try (OpenLineageObserver observer = new OpenLineageObserver(context)) {
            report = PipelineRun.execute(context, nightlyStages().subList(0, 2), observer);
        }

        assertThat(report.status()).isEqualTo(RunReport.SUCCEEDED);
        assertThat(marquez.findAll(postRequestedFor(urlEqualTo(LINEAGE_API)))).hasSize(4);
    }

    @Test
    void anHttpTransportWithoutAUrlOrAnUnknownTransportIsAConfigurationError() {
        assertThatThrownBy(() -> new OpenLineageObserver(LineageTestRuns.nightly(dir, Map.of("lineage.transport", "http"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("lineage.url");
        assertThatThrownBy(() -> new OpenLineageObserver(LineageTestRuns.nightly(dir, Map.of("lineage.transport", "kafka"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("lineage.transport");
    }

    private RunContext httpRun() {
        return LineageTestRuns.nightly(dir, Map.of(
                "lineage.transport", "http",
                "lineage.url", "http://127.0.0.1:" + marquez.port()));
    }

    /** ingest and govern report their tables; build fails. */
    private static List<Stage> nightlyStages() {
        return List.of(
                TestRuns.stage("ingest", ctx -> StageResult.builder("ingest")
                        .output("bronze/chats", 4).output("bronze/consent", 2).output("bronze/accounts", 1)
                        .source("chats", SourceCounts.ingested(10, 8, 1, Map.of("invalid_json", 1L)))
                        .build()),
                TestRuns.stage("govern", ctx -> StageResult.builder("govern")
                        .input("bronze/chats", 4).input("bronze/consent", 2).input("bronze/accounts", 1)
                        .output("silver/chats", 3)
                        .source("chats", SourceCounts.governed(6, Map.of("no_consent", 2L)))
                        .build()),
                TestRuns.stage("build", ctx -> {
                    throw new IllegalStateException("no examples");
                }));
    }

    private List<JsonNode> posted() throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (LoggedRequest request : marquez.findAll(postRequestedFor(urlEqualTo(LINEAGE_API)))) {
            events.add(JSON.readTree(request.getBodyAsString()));
        }
        return events;
    }
}
