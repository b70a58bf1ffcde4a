package com.connekz.pipeline.launch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AirflowClientTest {
    @RegisterExtension
    static WireMockExtension airflow = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    static final String PASSWORD = "s3cret-pass";
    static final String TOKEN = "eyJ.secret.token";
    static final Instant NOW = Instant.parse("2026-11-25T14:00:00Z");
    static final RetryPolicy QUICK = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20));
    static final Map<String, Object> CONF = Map.of("dataset", "assistant", "version", 7);

    static AirflowClient v1() {
        return client(AirflowApi.V1, new AirflowCredentials.Basic("ops", PASSWORD));
    }

    static AirflowClient v2() {
        return client(AirflowApi.V2, new AirflowCredentials.Bearer(TOKEN));
    }

    static AirflowClient client(AirflowApi api, AirflowCredentials credentials) {
        return new AirflowClient(URI.create(airflow.baseUrl()), api, credentials, QUICK, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void triggersARunOnAirflow2WithBasicAuthAndTheConf() {
        airflow.stubFor(post("/api/v1/dags/train/dagRuns")
                .willReturn(okJson(AirflowStubs.v1DagRun("train", "run-1", "queued"))));

        DagRun run = v1().trigger("train", "run-1", CONF);

        assertThat(run).isEqualTo(new DagRun("train", "run-1", DagRunState.QUEUED));
        airflow.verify(1, postRequestedFor(urlEqualTo("/api/v1/dags/train/dagRuns"))
                .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials("ops", PASSWORD))
                .withRequestBody(equalToJson("{\"dag_run_id\": \"run-1\", \"conf\": {\"dataset\": \"assistant\", \"version\": 7}}")));
    }

    @Test
    void triggersARunOnAirflow3WithABearerTokenAndTheLogicalDate() {
        airflow.stubFor(post("/api/v2/dags/train/dagRuns")
                .willReturn(okJson(AirflowStubs.v2DagRun("train", "run-2", "queued"))));

        DagRun run = v2().trigger("train", "run-2", CONF);

        assertThat(run).isEqualTo(new DagRun("train", "run-2", DagRunState.QUEUED));
        airflow.verify(1, postRequestedFor(urlEqualTo("/api/v2/dags/train/dagRuns"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson("{\"dag_run_id\": \"run-2\", \"logical_date\": \"2026-11-25T14:00:00Z\","
                        + " \"conf\": {\"dataset\": \"assistant\", \"version\": 7}}")));
    }

    @Test
    void onAirflow3AUsernameAndPasswordAreExchangedForATokenOnce() {
        airflow.stubFor(post("/auth/token")
                .withRequestBody(equalToJson("{\"username\": \"ops\", \"password\": \"" + PASSWORD + "\"}"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\": \"" + TOKEN + "\"}")));
        airflow.stubFor(post("/api/v2/dags/train/dagRuns").willReturn(okJson(AirflowStubs.v2DagRun("train", "run-t", "queued"))));
        airflow.stubFor(get("/api/v2/dags/train/dagRuns/run-t").willReturn(okJson(AirflowStubs.v2DagRun("train", "run-t", "running"))));
        AirflowClient client = client(AirflowApi.V2, new AirflowCredentials.Basic("ops", PASSWORD));

        client.trigger("train", "run-t", CONF);
        client.get("train", "run-t");

        airflow.verify(1, postRequestedFor(urlEqualTo("/auth/token")));
        airflow.verify(postRequestedFor(urlEqualTo("/api/v2/dags/train/dagRuns")).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        airflow.verify(getRequestedFor(urlEqualTo("/api/v2/dags/train/dagRuns/run-t")).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void aRefusedTokenExchangeIsAnAuthenticationError() {
        airflow.stubFor(post("/auth/token").willReturn(aResponse().withStatus(401)
                .withBody(AirflowStubs.v2Error("Invalid credentials"))));

        assertThatThrownBy(() -> client(AirflowApi.V2, new AirflowCredentials.Basic("ops", PASSWORD)).trigger("train", "run-u", CONF))
                .isInstanceOfSatisfying(AirflowException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AirflowException.Reason.AUTHENTICATION);
                    assertThat(e.getMessage()).startsWith("getting a token").doesNotContain(PASSWORD);
                });
        airflow.verify(0, postRequestedFor(urlEqualTo("/api/v2/dags/train/dagRuns")));
    }

    @Test
    void refusedCredentialsAreAnAuthenticationErrorThatNamesNoSecret() {
        airflow.stubFor(post("/api/v2/dags/train/dagRuns")
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody(AirflowStubs.v2Error("Not authenticated"))));

        assertThatThrownBy(() -> v2().trigger("train", "run-3", CONF))
                .isInstanceOfSatisfying(AirflowException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AirflowException.Reason.AUTHENTICATION);
                    assertThat(e.getMessage()).contains("HTTP 401", "AIRFLOW_TOKEN").doesNotContain(TOKEN);
                });
        airflow.verify(1, postRequestedFor(urlEqualTo("/api/v2/dags/train/dagRuns")));
    }

    @Test
    void forbiddenIsAnAuthenticationErrorToo() {
        airflow.stubFor(post("/api/v1/dags/train/dagRuns")
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/problem+json")
                        .withBody(AirflowStubs.v1Error(403, "Forbidden", "Access is denied"))));

        assertThatThrownBy(() -> v1().trigger("train", "run-4", CONF))
                .isInstanceOfSatisfying(AirflowException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AirflowException.Reason.AUTHENTICATION);
                    assertThat(e.getMessage()).contains("HTTP 403", "AIRFLOW_USERNAME").doesNotContain(PASSWORD);
                });
    }

    @Test
    void anUnknownDagIsReportedAsNotFound() {
        airflow.stubFor(post("/api/v1/dags/nope/dagRuns")
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody(AirflowStubs.v1Error(404, "DAG not found", "DAG with dag_id: 'nope' not found"))));

        assertThatThrownBy(() -> v1().trigger("nope", "run-5", CONF))
                .isInstanceOfSatisfying(AirflowException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AirflowException.Reason.NOT_FOUND);
                    assertThat(e.getMessage()).startsWith("DAG not found: nope");
                });
    }

    @Test
    void anExistingRunIdIsReportedAndNotRetried() {
        airflow.stubFor(post("/api/v2/dags/train/dagRuns")
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/json")
                        .withBody(AirflowStubs.v2Error("DAG Run with run_id: `run-6` already exists"))));

        assertThatThrownBy(() -> v2().trigger("train", "run-6", CONF))
                .isInstanceOfSatisfying(AirflowException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AirflowException.Reason.RUN_EXISTS);
                    assertThat(e.getMessage()).contains("run-6", "exists already");
                });
        airflow.verify(1, postRequestedFor(urlEqualTo("/api/v2/dags/train/dagRuns")));
    }

    @Test
    void serverErrorsAreRetriedUntilAirflowAnswers() {
        airflow.stubFor(post("/api/v1/dags/train/dagRuns").inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
        airflow.stubFor(post("/api/v1/dags/train/dagRuns").inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(500)).willSetStateTo("up"));
        airflow.stubFor(post("/api/v1/dags/train/dagRuns").inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson(AirflowStubs.v1DagRun("train", "run-7", "queued"))));

        assertThat(v1().trigger("train", "run-7", CONF).state()).isEqualTo(DagRunState.QUEUED);
        airflow.verify(3, postRequestedFor(urlEqualTo("/api/v1/dags/train/dagRuns")));
    }

    @Test
    void serverErrorsThatLastFailAfterTheBoundedRetries() {
        airflow.stubFor(post("/api/v1/dags/train/dagRuns").willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(() -> v1().trigger("train", "run-8", CONF))
                .isInstanceOfSatisfying(AirflowException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AirflowException.Reason.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("after 3 tries", "HTTP 502");
                });
        airflow.verify(3, postRequestedFor(urlEqualTo("/api/v1/dags/train/dagRuns")));
    }

    @Test
    void aRefusedConnectionIsRetriedThenReported() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        AirflowClient client = new AirflowClient(URI.create("http://127.0.0.1:" + closedPort), AirflowApi.V1,
                new AirflowCredentials.Basic("ops", PASSWORD), QUICK, Clock.systemUTC());

        assertThatThrownBy(() -> client.get("train", "run-9"))
                .isInstanceOfSatisfying(AirflowException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AirflowException.Reason.UNAVAILABLE);
                    assertThat(e.getMessage()).contains("after 3 tries", "ConnectException").doesNotContain(PASSWORD);
                });
    }

    @Test
    void aTriggerRetriedAfterAServerErrorFindsTheRunItsFirstTryCreated() {
        airflow.stubFor(post("/api/v2/dags/train/dagRuns").inScenario("lost answer").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(504)).willSetStateTo("created"));
        airflow.stubFor(post("/api/v2/dags/train/dagRuns").inScenario("lost answer").whenScenarioStateIs("created")
                .willReturn(aResponse().withStatus(409).withBody(AirflowStubs.v2Error("already exists"))));
        airflow.stubFor(get("/api/v2/dags/train/dagRuns/run-10")
                .willReturn(okJson(AirflowStubs.v2DagRun("train", "run-10", "running"))));

        assertThat(v2().trigger("train", "run-10", CONF)).isEqualTo(new DagRun("train", "run-10", DagRunState.RUNNING));
    }

    @Test
    void readsARunsState() {
        airflow.stubFor(get("/api/v2/dags/train/dagRuns/run-11")
                .willReturn(okJson(AirflowStubs.v2DagRun("train", "run-11", "failed"))));

        assertThat(v2().get("train", "run-11").state()).isEqualTo(DagRunState.FAILED);
        airflow.verify(getRequestedFor(urlEqualTo("/api/v2/dags/train/dagRuns/run-11"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void anUnknownRunIsReportedAsNotFound() {
        airflow.stubFor(get("/api/v1/dags/train/dagRuns/gone")
                .willReturn(aResponse().withStatus(404).withBody(AirflowStubs.v1Error(404, "DAGRun not found", "not found"))));

        assertThatThrownBy(() -> v1().get("train", "gone"))
                .isInstanceOfSatisfying(AirflowException.class, e ->
                        assertThat(e.reason()).isEqualTo(AirflowException.Reason.NOT_FOUND));
    }

    @Test
    void waitsThroughQueuedAndRunningUntilSuccess() {
        String url = "/api/v1/dags/train/dagRuns/run-12";
        String[] states = {"queued", "queued", "running", "running", "success"};
        for (int i = 0; i < states.length; i++) {
            airflow.stubFor(get(url).inScenario("progress").whenScenarioStateIs(i == 0 ? STARTED : "poll" + i)
                    .willReturn(okJson(AirflowStubs.v1DagRun("train", "run-12", states[i])))
                    .willSetStateTo("poll" + (i + 1)));
        }
        List<DagRunState> heard = new ArrayList<>();

        DagRun finished = v1().awaitCompletion("train", "run-12", Duration.ofMillis(5), Duration.ofSeconds(10),
                run -> heard.add(run.state()));

        assertThat(finished.state()).isEqualTo(DagRunState.SUCCESS);
        assertThat(heard).containsExactly(DagRunState.QUEUED, DagRunState.RUNNING, DagRunState.SUCCESS);
        airflow.verify(5, getRequestedFor(urlEqualTo(url)));
    }

    @Test
    void waitingGivesUpAfterTheTimeout() {
        airflow.stubFor(get("/api/v2/dags/train/dagRuns/run-13")
                .willReturn(okJson(AirflowStubs.v2DagRun("train", "run-13", "running"))));

        assertThatThrownBy(() -> v2().awaitCompletion("train", "run-13", Duration.ofMillis(20), Duration.ofMillis(100), run -> { }))
                .isInstanceOfSatisfying(AirflowException.class, e ->
                        assertThat(e.reason()).isEqualTo(AirflowException.Reason.TIMEOUT));
    }

    @Test
    void anAnswerWithoutAStateIsNeverTakenForARun() {
        airflow.stubFor(get("/api/v2/dags/train/dagRuns/run-14").willReturn(okJson("{\"dag_run_id\": \"run-14\"}")));

        assertThatThrownBy(() -> v2().get("train", "run-14"))
                .isInstanceOfSatisfying(AirflowException.class, e ->
                        assertThat(e.reason()).isEqualTo(AirflowException.Reason.UNEXPECTED_RESPONSE));
    }

    @Test
    void autoPicksTheApiFromTheCredentials() {
        AirflowCredentials token = AirflowCredentials.fromEnvironment(
                Map.of("AIRFLOW_TOKEN", TOKEN, "AIRFLOW_USERNAME", "ops", "AIRFLOW_PASSWORD", PASSWORD));
        AirflowCredentials basic = AirflowCredentials.fromEnvironment(Map.of("AIRFLOW_USERNAME", "ops", "AIRFLOW_PASSWORD", PASSWORD));

        assertThat(AirflowApi.resolve("auto", token)).isEqualTo(AirflowApi.V2);
        assertThat(AirflowApi.resolve("auto", basic)).isEqualTo(AirflowApi.V1);
        assertThat(AirflowApi.resolve("v2", basic)).isEqualTo(AirflowApi.V2);
        assertThat(token.toString() + basic).doesNotContain(TOKEN).doesNotContain(PASSWORD);
        assertThatThrownBy(() -> AirflowCredentials.fromEnvironment(Map.of("AIRFLOW_USERNAME", "ops")))
                .isInstanceOfSatisfying(AirflowException.class, e -> {
                    assertThat(e.reason()).isEqualTo(AirflowException.Reason.AUTHENTICATION);
                    assertThat(e.getMessage()).contains("AIRFLOW_TOKEN", "AIRFLOW_PASSWORD");
                });
    }

    @Test
    void backOffDoublesUpToItsCap() {
        RetryPolicy policy = new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofSeconds(5));
        assertThat(List.of(policy.backoffAfter(1), policy.backoffAfter(2), policy.backoffAfter(3), policy.backoffAfter(4)))
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5));
    }

}
