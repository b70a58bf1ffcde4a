package com.connekz.pipeline.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.ingest.IngestStage;
import com.connekz.pipeline.ingest.RecordFilter;
import com.connekz.pipeline.run.PipelineRun;
import com.connekz.pipeline.run.RunContext;
import com.connekz.pipeline.run.RunReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real ingest stage, observed: its bronze and quarantine tables appear with their schemas. */
class IngestLineageTest {
    @TempDir
    Path dir;

    @Test
    void ingestReportsTheTablesItWroteWithTheirDeltaSchemas() throws Exception {
        Path landed = dir.resolve("landing/chats/dt=2026-11-01/a.jsonl");
        Files.createDirectories(landed.getParent());
        Files.writeString(landed, """
                {"message_id":"m1","conversation_id":"c1","user_id":"u1","role":"user","text":"hi","created_at":"2026-11-01T10:00:00+13:00"}
                {not json
                """);
        RunContext context = LineageTestRuns.nightly(dir, Map.of());

        RunReport report = PipelineRun.execute(context, List.of(new IngestStage(RecordFilter.NONE)),
                new OpenLineageObserver(context));

        assertThat(report.status()).isEqualTo(RunReport.SUCCEEDED);
        JsonNode complete = completeEvent(Path.of(context.config().lake(), LakeFileTransport.FOLDER));
        assertThat(OpenLineageSpecChecks.violations(complete)).isEmpty();
        assertThat(complete.at("/job/name").asText()).isEqualTo("nightly.ingest");
        assertThat(complete.get("outputs")).extracting(o -> o.get("name").asText())
                .containsExactlyInAnyOrder("bronze/chats", "quarantine");
        for (JsonNode output : complete.get("outputs")) {
            assertThat(output.at("/facets/schema/fields")).as(output.get("name").asText()).isNotEmpty();
        }
        JsonNode bronze = complete.get("outputs").get(0).get("name").asText().equals("bronze/chats")
                ? complete.get("outputs").get(0) : complete.get("outputs").get(1);
        assertThat(bronze.at("/facets/schema/fields")).extracting(f -> f.get("name").asText())
                .contains("message_id", "user_id", "text");
        assertThat(complete.at("/run/facets/connekz_counts/sources/chats/read").asLong()).isEqualTo(2);
        assertThat(complete.at("/run/facets/connekz_counts/sources/chats/quarantined").asLong()).isEqualTo(1);
        assertThat(complete.toString()).as("no record content in lineage").doesNotContain("\"hi\"", "u1", "m1");
    }

    private static JsonNode completeEvent(Path folder) throws Exception {
        // The local file system writes a binary .crc beside each event file: read the .json only.
        try (Stream<Path> files = Files.walk(folder)) {
            Path file = files.filter(f -> f.getFileName().toString().contains("-COMPLETE-"))
                    .filter(f -> f.getFileName().toString().endsWith(".json"))
                    .findFirst().orElseThrow();
            return new ObjectMapper().readTree(Files.readString(file));
        }
    }
}
