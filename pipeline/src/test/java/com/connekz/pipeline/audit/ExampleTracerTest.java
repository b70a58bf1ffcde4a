package com.connekz.pipeline.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.connekz.pipeline.datasets.RecordKeys;
import com.connekz.pipeline.ingest.Source;
import com.connekz.pipeline.redact.RedactionPolicy;
import com.connekz.pipeline.run.RunContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleTracerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aGoldExampleTracesBackToTheLandedLinesThatHoldItsRecords() throws Exception {
        RunContext context = AuditedLake.copy(dir, "audit trace");
        String exampleId = context.keyedHash().of("chat/" + AuditedLake.ALICE_CONVERSATION);

        ExampleTrace trace = new ExampleTracer(context.spark(), context.lake(), context.keyedHash())
                .trace("assistant", Optional.empty(), exampleId);

        assertThat(trace.kind()).isEqualTo("chat");
        assertThat(trace.buildRunId()).isEqualTo(AuditedLake.buildRunId());
        assertThat(trace.records()).hasSize(2);
        for (ExampleTrace.SourceRecord record : trace.records()) {
            assertThat(record.silverFound()).isTrue();
            assertThat(record.bronzeFound()).isTrue();
            // The landed line itself is the record: its natural key hashes to the lineage's key hash.
            List<String> lines = Files.readAllLines(landed(record.landedFile()), StandardCharsets.UTF_8);
            JsonNode line = JSON.readTree(lines.get((int) record.landedLine() - 1));
            assertThat(RecordKeys.record(context.keyedHash(), Source.CHATS, line.get("message_id").asText()))
                    .isEqualTo(record.recordKeyHash());
            assertThat(record.ingestRunId()).isEqualTo(AuditedLake.buildRunId());
            assertThat(record.governRunId()).isEqualTo(AuditedLake.buildRunId());
            assertThat(record.redactionPolicyVersion()).isEqualTo(RedactionPolicy.shipped().version());
            assertThat(record.consentEvents()).singleElement().satisfies(event -> {
                assertThat(event.purpose()).isEqualTo("model_training");
                assertThat(event.granted()).isTrue();
                assertThat(event.effectiveAt()).isEqualTo("2026-10-01T00:00:00Z");
                assertThat(event.eventHash()).isEqualTo(context.keyedHash().of("ev-1"));
            });
        }
        assertThat(trace.records()).anySatisfy(r -> assertThat(r.redactedEntities()).containsKey("EMAIL_ADDRESS"));
        assertThat(trace.runs()).singleElement().satisfies(run -> {
            assertThat(run.step()).isEqualTo("ingest,govern,build");
            assertThat(run.status()).isEqualTo("succeeded");
            assertThat(run.redactionPolicyVersion()).isEqualTo(RedactionPolicy.shipped().version());
        });
        String json = JSON.writeValueAsString(trace);
        assertThat(json).doesNotContain(AuditedLake.ALICE).doesNotContain("ev-1").doesNotContain("m-a1");
    }

    @Test
    void anUnknownExampleIsAnError() {
        RunContext context = AuditedLake.copy(dir, "audit trace");
        assertThatThrownBy(() -> new ExampleTracer(context.spark(), context.lake(), context.keyedHash())
                .trace("assistant", Optional.empty(), "no-such-example"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds no example");
    }

    private static Path landed(String file) {
        return file.startsWith("file:") ? Path.of(URI.create(file)) : Path.of(file);
    }
}
