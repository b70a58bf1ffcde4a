package com.connekz.jobs;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.launch.AuditVerdict;
import com.connekz.pipeline.launch.PublishedVersion;
import com.connekz.pipeline.launch.PublishedVersions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LaunchTrainingCommandTest {
    @RegisterExtension
    static WireMockExtension airflow = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    static final String TOKEN = "eyJ.secret";
    static final Map<String, String> ENVIRONMENT = Map.of("AIRFLOW_TOKEN", TOKEN);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T14:00:00Z"), ZoneOffset.UTC);
    static final String RUN_ID = "training__assistant__v4__20261125T140000000Z";

    static final PublishedVersions VERSIONS = (dataset, version) -> List.of(
                    new PublishedVersion("assistant", 4, "/lake/gold/assistant", "/lake/manifests/assistant-4.json", AuditVerdict.passed()),
                    new PublishedVersion("assistant", 5, "/lake/gold/assistant", "/lake/manifests/assistant-5.json",
                            AuditVerdict.failed("isolation")))
            .stream()
            .filter(v -> v.dataset().equals(dataset) && (version.isEmpty() || version.getAsLong() == v.version()))
            .reduce((older, newer) -> newer);

    @TempDir
    Path folder;
    Path conf;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void configure() throws IOException {
        conf = Files.writeString(folder.resolve("pipeline.yaml"), "airflow:\n  url: " + airflow.baseUrl() + "\n");
    }

    int run(String... args) {
        CommandLine command = new CommandLine(new LaunchTrainingCommand(config -> VERSIONS, ENVIRONMENT, CLOCK));
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 2];
        all[0] = "--conf";
        all[1] = conf.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return command.execute(all);
    }

    JsonNode lastJsonLine() throws IOException {
        List<String> lines = out.toString().lines().toList();
        return new ObjectMapper().readTree(lines.get(lines.size() - 1));
    }

    @Test
    void triggersTheDagOnAnAuditedVersionAndPrintsTheRunId() {
        airflow.stubFor(post("/api/v2/dags/train/dagRuns").willReturn(okJson(dagRun(RUN_ID, "queued"))));

        int status = run("--dataset", "assistant", "--version", "4", "--dag", "train");

        assertThat(status).isZero();
        assertThat(out.toString()).contains("triggered run " + RUN_ID + " of DAG train on dataset assistant version 4");
        airflow.verify(postRequestedFor(urlEqualTo("/api/v2/dags/train/dagRuns"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(matchingJsonPath("$.conf.dataset", equalTo("assistant")))
                .withRequestBody(matchingJsonPath("$.conf.dataset_path", equalTo("/lake/gold/assistant")))
                .withRequestBody(matchingJsonPath("$.conf.version", equalTo("4")))
                .withRequestBody(matchingJsonPath("$.conf.manifest", equalTo("/lake/manifests/assistant-4.json"))));
    }

    @Test
    void refusesTheLatestVersionWhenItFailedItsAudits() {
        int status = run("--dataset", "assistant", "--dag", "train");

        assertThat(status).isEqualTo(1);
        assertThat(err.toString().strip()).isEqualTo(
                "launch-training: dataset assistant version 5 has not passed its audits (failed: isolation)");
        airflow.verify(0, postRequestedFor(urlMatching(".*")));
    }

    @Test
    void waitsUntilTheRunFinishesAndFailsWhenItFails() throws IOException {
        airflow.stubFor(post("/api/v2/dags/train/dagRuns").willReturn(okJson(dagRun(RUN_ID, "queued"))));
        String url = "/api/v2/dags/train/dagRuns/" + RUN_ID;
        airflow.stubFor(get(url).inScenario("run").whenScenarioStateIs(STARTED)
                .willReturn(okJson(dagRun(RUN_ID, "running"))).willSetStateTo("done"));
        airflow.stubFor(get(url).inScenario("run").whenScenarioStateIs("done").willReturn(okJson(dagRun(RUN_ID, "failed"))));

        int status = run("--dataset", "assistant", "--version", "4", "--dag", "train", "--wait", "--poll-seconds", "0", "--json");

        assertThat(status).isEqualTo(1);
        JsonNode report = lastJsonLine();
        assertThat(report.path("run_id").asText()).isEqualTo(RUN_ID);
        assertThat(report.path("state").asText()).isEqualTo("failed");
        assertThat(report.path("status").asText()).isEqualTo("failed");
        assertThat(report.path("conf").path("version").asLong()).isEqualTo(4);
    }

    @Test
    void printsEachStateWhileWaitingForSuccess() {
        airflow.stubFor(post("/api/v2/dags/train/dagRuns").willReturn(okJson(dagRun(RUN_ID, "queued"))));
        String url = "/api/v2/dags/train/dagRuns/" + RUN_ID;
        airflow.stubFor(get(url).inScenario("run").whenScenarioStateIs(STARTED)
                .willReturn(okJson(dagRun(RUN_ID, "running"))).willSetStateTo("done"));
        airflow.stubFor(get(url).inScenario("run").whenScenarioStateIs("done").willReturn(okJson(dagRun(RUN_ID, "success"))));

        int status = run("--dataset", "assistant", "--version", "4", "--dag", "train", "--wait", "--poll-seconds", "0");

        assertThat(status).isZero();
        assertThat(out.toString().lines()).containsSubsequence(RUN_ID + ": running", RUN_ID + ": success");
    }

    @Test
    void anUnknownDagIsOneLineAndNoSecret() {
        airflow.stubFor(post("/api/v2/dags/nope/dagRuns").willReturn(com.github.tomakehurst.wiremock.client.WireMock
                .aResponse().withStatus(404).withBody("{\"detail\": \"The Dag with ID: `nope` was not found\"}")));

        int status = run("--dataset", "assistant", "--version", "4", "--dag", "nope");

        assertThat(status).isEqualTo(1);
        assertThat(err.toString().lines()).hasSize(1).first().asString().startsWith("launch-training: DAG not found: nope");
        assertThat(out.toString() + err).doesNotContain(TOKEN);
    }

    @Test
    void withoutCredentialsNothingIsSentAndTheReasonIsOneLine() {
        CommandLine command = new CommandLine(new LaunchTrainingCommand(config -> VERSIONS, Map.of(), CLOCK));
        command.setErr(new PrintWriter(err, true));

        int status = command.execute("--conf", conf.toString(), "--dataset", "assistant", "--dag", "train");

        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).startsWith("launch-training: no Airflow credentials");
        airflow.verify(0, postRequestedFor(urlMatching(".*")));
    }

    @Test
    void helpNamesTheOptions() {
        int status = run("--help");

        assertThat(status).isZero();
        assertThat(out.toString()).contains("--dataset", "--version", "--dag", "--wait");
    }

    static String dagRun(String runId, String state) {
        return "{\"dag_run_id\": \"" + runId + "\", \"dag_id\": \"train\", \"logical_date\": \"2026-11-25T14:00:00Z\","
                + " \"run_type\": \"manual\", \"state\": \"" + state + "\", \"conf\": {}}";
    }
}
