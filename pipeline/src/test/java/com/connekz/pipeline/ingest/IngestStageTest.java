package com.connekz.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.lake.Lake;
import com.connekz.pipeline.run.SourceCounts;
import com.connekz.pipeline.run.StageResult;
import com.connekz.pipeline.testing.SharedSpark;
import com.connekz.pipeline.testing.TestRuns;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestStageTest {
    @TempDir
    Path dir;

    @Test
    void everyKindOfBadLineEndsInQuarantineWithItsReasonAndNothingElseIsLost() throws IOException {
        land("chats", "2026-11-01", "a.jsonl",
                chat("m1", "hello"),
                "{not json",
                chat("m2", "x").replace("\"role\":\"user\"", "\"role\":\"robot\""),
                chat("m3", "x").replace("\"user_id\":\"u1\"", "\"user_id\":7"),
                chat("m4", "x").replace("\"text\":\"x\",", ""),
                chat("m5", "x").replace("+13:00", ""),
                chat("m6", "bye"));

        SourceCounts chats = ingest().sources().get("chats");

        assertThat(chats.read()).isEqualTo(7);
        assertThat(chats.accepted()).isEqualTo(2);
        assertThat(chats.quarantinedByReason()).containsOnly(
                entry("invalid_json"), entry("bad_value"), entry("wrong_type"), entry("missing_field"), entry("bad_timestamp"));
        assertThat(chats.read()).isEqualTo(chats.accepted() + chats.quarantined() + chats.duplicate());
        List<Row> quarantined = table("quarantine").orderBy("line").collectAsList();
        assertThat(quarantined).extracting(r -> r.<Long>getAs("line")).containsExactly(2L, 3L, 4L, 5L, 6L);
        assertThat(quarantined).allSatisfy(r -> {
            assertThat(r.<String>getAs("file")).endsWith("chats/dt=2026-11-01/a.jsonl");
            assertThat(r.<String>getAs("raw_line")).isNotEmpty();
        });
        assertThat(quarantined.get(2).<String>getAs("field")).isEqualTo("user_id");
        assertThat(table("bronze/chats").count()).isEqualTo(2);
    }

    @Test
    void aRerunOfTheSameDayAddsNothingAndANewDayAddsOnlyItsRows() throws IOException {
        land("chats", "2026-11-01", "a.jsonl", chat("m1", "a"), chat("m2", "b"));
        ingest();
        long versionAfterFirst = bronzeVersion();

        StageResult rerun = ingest();
        assertThat(rerun.sources()).isEmpty();
        assertThat(bronzeVersion()).isEqualTo(versionAfterFirst);

        land("chats", "2026-11-02", "a.jsonl", chat("m3", "c"));
        SourceCounts nextDay = ingest().sources().get("chats");
        assertThat(nextDay.read()).isEqualTo(1);
        assertThat(nextDay.accepted()).isEqualTo(1);
        assertThat(table("bronze/chats").count()).isEqualTo(3);
        assertThat(com.connekz.pipeline.lake.DeltaTables.latestCommit(SharedSpark.session(), lake() + "/bronze/chats")
                .orElseThrow().operation()).as("a day of new keys is appended, no file rewritten").isEqualTo("WRITE");
    }

    @Test
    void aFileLandingTwiceAndRepeatedLinesAreCountedAsDuplicates() throws IOException {
        land("chats", "2026-11-01", "a.jsonl", chat("m1", "a"), chat("m1", "a"), chat("m2", "b"));
        ingest();
        land("chats", "2026-11-02", "again.jsonl", chat("m1", "a"), chat("m2", "b"));
        long versionBefore = bronzeVersion();

        SourceCounts second = ingest().sources().get("chats");

        assertThat(bronzeVersion()).as("nothing new, no commit").isEqualTo(versionBefore);
        assertThat(second.read()).isEqualTo(2);
        assertThat(second.duplicate()).isEqualTo(2);
        assertThat(second.accepted()).isZero();
        assertThat(table("bronze/chats").count()).isEqualTo(2);
    }

    @Test
    void aChangedStateOfARecordReplacesTheOldOne() throws IOException {
        land("accounts", "2026-11-01", "a.jsonl", "{\"user_id\":\"u1\",\"created_at\":\"2026-01-01T00:00:00Z\"}");
        ingest();
        land("accounts", "2026-11-02", "a.jsonl",
                "{\"user_id\":\"u1\",\"created_at\":\"2026-01-01T00:00:00Z\",\"deleted_at\":\"2026-11-02T00:00:00Z\"}");

        SourceCounts second = ingest().sources().get("accounts");

        assertThat(second.accepted()).isEqualTo(1);
        List<Row> accounts = table("bronze/accounts").collectAsList();
        assertThat(accounts).singleElement().satisfies(r -> assertThat(r.<Object>getAs("deleted_at")).isNotNull());
    }

    @Test
    void readsGzippedFilesAndKeepsIngestionMetadata() throws IOException {
        Path file = dir.resolve("landing/consent/dt=2026-11-01/c.jsonl.gz");
        Files.createDirectories(file.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(("{\"event_id\":\"e1\",\"user_id\":\"u1\",\"purpose\":\"model_training\",\"granted\":true,"
                    + "\"effective_at\":\"2026-10-01T00:00:00Z\"}\n").getBytes(StandardCharsets.UTF_8));
        }

        StageResult result = ingest();

        assertThat(result.sources().get("consent").accepted()).isEqualTo(1);
        Row row = table("bronze/consent").first();
        assertThat(row.<String>getAs(BronzeSchema.SOURCE_FILE)).endsWith("c.jsonl.gz");
        assertThat(row.<Long>getAs(BronzeSchema.LINE)).isEqualTo(1L);
        assertThat(row.<String>getAs(BronzeSchema.RUN_ID)).isNotBlank();
    }

    @Test
    void anUnknownSourceFolderIsRefusedUnreadAndRecordedInQuarantine() throws IOException {
        land("emails", "2026-11-01", "inbox.jsonl", "{\"subject\":\"private\"}");
        land("chats", "2026-11-01", "a.jsonl", chat("m1", "a"));

        StageResult result = ingest();

        assertThat(result.metrics()).containsEntry("refused_files", 1L);
        assertThat(result.sources()).containsOnlyKeys("chats");
        Row refused = table("quarantine").first();
        assertThat(refused.<String>getAs("reason")).isEqualTo(BadRecord.UNKNOWN_SOURCE);
        assertThat(refused.<String>getAs("source")).isEqualTo("emails");
        assertThat(refused.<String>getAs("raw_line")).isNull();
    }

    @Test
    void heldBackRecordsAreCountedAsDeletedAndNotIngested() throws IOException {
        land("chats", "2026-11-01", "a.jsonl", chat("m1", "a"), chat("m2", "b"));
        RecordFilter holdBackM1 = (candidates, source) -> candidates.filter("message_id <> 'm1'");

        StageResult result = new IngestStage(holdBackM1).run(TestRuns.context(landing(), lake(), "ingest"));

        SourceCounts chats = result.sources().get("chats");
        assertThat(chats.excludedByReason()).containsEntry("deleted", 1L);
        assertThat(chats.read()).isEqualTo(chats.accepted() + chats.quarantined() + chats.duplicate());
        assertThat(table("bronze/chats").selectExpr("message_id").as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList()).containsExactly("m2");
    }

    private static java.util.Map.Entry<String, Long> entry(String reason) {
        return java.util.Map.entry(reason, 1L);
    }

    private StageResult ingest() {
        return new IngestStage(RecordFilter.NONE).run(TestRuns.context(landing(), lake(), "ingest"));
    }

    private long bronzeVersion() {
        return com.connekz.pipeline.lake.DeltaTables.version(SharedSpark.session(), lake() + "/bronze/chats").orElseThrow();
    }

    private Dataset<Row> table(String path) {
        return SharedSpark.session().read().format("delta").load(new Lake(lake()).path(path));
    }

    private String landing() {
        return dir.resolve("landing").toString();
    }

    private String lake() {
        return dir.resolve("lake").toString();
    }

    private void land(String source, String day, String name, String... lines) throws IOException {
        Path file = dir.resolve("landing").resolve(source).resolve("dt=" + day).resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
    }

    private static String chat(String id, String text) {
        return "{\"message_id\":\"" + id + "\",\"conversation_id\":\"c1\",\"user_id\":\"u1\",\"role\":\"user\","
                + "\"text\":\"" + text + "\",\"created_at\":\"2026-11-01T10:00:00+13:00\"}";
    }
}
