package com.connekz.pipeline.launch;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TrainingLauncherTest {
    @RegisterExtension
    static WireMockExtension airflow = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T14:00:00.123Z"), ZoneOffset.UTC);

    /** Versions 1 (failed its audits), 2 (passed), 3 (latest, passed) of {@code assistant}; 1 of an instance, never audited. */
    static final PublishedVersions LAKE = (dataset, version) -> {
        List<PublishedVersion> all = List.of(
                published("assistant", 1, AuditVerdict.failed("isolation, deletion")),
                published("assistant", 2, AuditVerdict.passed()),
                published("assistant", 3, AuditVerdict.passed()),
                published("instances/i-42", 1, AuditVerdict.notAudited()));
        return all.stream()
                .filter(v -> v.dataset().equals(dataset))
                .filter(v -> version.isEmpty() || v.version() == version.getAsLong())
                .reduce((older, newer) -> newer);
    };

    static PublishedVersion published(String dataset, long version, AuditVerdict audit) {
        return new PublishedVersion(dataset, version, "s3a://lake/gold/" + dataset,
                "s3a://lake/_system/manifests/" + dataset + "/v" + version + ".json", audit);
    }

    static TrainingLauncher launcher() {
        AirflowClient client = new AirflowClient(URI.create(airflow.baseUrl()), AirflowApi.V1,
                new AirflowCredentials.Basic("ops", "pw"), new RetryPolicy(2, Duration.ofMillis(5), Duration.ofMillis(5)), CLOCK);
        return new TrainingLauncher(LAKE, client, CLOCK);
    }

    @Test
    void triggersTheDagWithThePinnedVersionInTheConf() {
        String runId = "training__assistant__v2__20261125T140000123Z";
        airflow.stubFor(post("/api/v1/dags/train/dagRuns").willReturn(okJson(AirflowStubs.v1DagRun("train", runId, "queued"))));

        TrainingLaunch launch = launcher().launch("assistant", OptionalLong.of(2), "train");

        assertThat(launch.run().runId()).isEqualTo(runId);
        assertThat(launch.version().version()).isEqualTo(2);
        airflow.verify(postRequestedFor(urlEqualTo("/api/v1/dags/train/dagRuns")).withRequestBody(equalToJson("""
                {"dag_run_id": "%s", "conf": {"dataset": "assistant", "dataset_path": "s3a://lake/gold/assistant",
                 "version": 2, "manifest": "s3a://lake/_system/manifests/assistant/v2.json"}}""".formatted(runId))));
    }

    @Test
    void withoutAVersionTheLatestIsLaunched() {
        airflow.stubFor(post("/api/v1/dags/train/dagRuns")
                .willReturn(okJson(AirflowStubs.v1DagRun("train", "training__assistant__v3__20261125T140000123Z", "queued"))));

        assertThat(launcher().launch("assistant", OptionalLong.empty(), "train").conf()).containsEntry("version", 3L);
    }

    @Test
    void aVersionThatFailedItsAuditsIsRefusedBeforeAirflowIsAsked() {
        assertThatThrownBy(() -> launcher().launch("assistant", OptionalLong.of(1), "train"))
                .isInstanceOf(LaunchRefusedException.class)
                .hasMessage("dataset assistant version 1 has not passed its audits (failed: isolation, deletion)");
        airflow.verify(0, postRequestedFor(urlMatching(".*")));
    }

    @Test
    void aVersionNeverAuditedIsRefused() {
        assertThatThrownBy(() -> launcher().launch("instances/i-42", OptionalLong.empty(), "train"))
                .isInstanceOf(LaunchRefusedException.class)
                .hasMessageContaining("not_audited");
        airflow.verify(0, postRequestedFor(urlMatching(".*")));
    }

    @Test
    void anUnknownVersionIsRefused() {
        assertThatThrownBy(() -> launcher().launch("assistant", OptionalLong.of(9), "train"))
                .isInstanceOf(LaunchRefusedException.class)
                .hasMessage("no published dataset assistant version 9");
    }

    @Test
    void runIdsKeepToAirflowsCharacters() {
        String runId = launcher().runId(published("instances/i 42", 5, AuditVerdict.passed()));
        assertThat(runId).isEqualTo("training__instances.i.42__v5__20261125T140000123Z").matches("[A-Za-z0-9_.~:+-]+");
    }

}
