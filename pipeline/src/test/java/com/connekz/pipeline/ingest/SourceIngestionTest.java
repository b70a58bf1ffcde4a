package com.connekz.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.run.SourceCounts;
import com.connekz.pipeline.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceIngestionTest {
    private static final Timestamp AT = Timestamp.from(Instant.parse("2026-11-02T01:00:00Z"));

    @TempDir
    Path dir;

    @Test
    void aBatchThatOnePassLeavesToTheGeneralPathEndsAsTheGeneralPathAloneWouldLeaveIt() throws IOException {
        List<LandedFile> files = List.of(
                land("dt=2026-11-01/a.jsonl", chat("m1", "first"), chat("m2", "kia ora"), "{not json"),
                land("dt=2026-11-02/a.jsonl", chat("m1", "second"), chat("m2", "kia ora"), chat("m3", "ka kite")));

        for (String night : List.of("first night", "second night, bronze holding every key")) {
            SourceCounts staged = ingestion("stage").ingest(files, "run-1", AT);
            SourceCounts general = ingestion("general").ingestGenerally(LandedSlices.of(spark(), files), "run-1", AT);

            assertThat(staged).as(night).isEqualTo(general);
            assertThat(bronze("stage")).as(night).containsExactlyElementsOf(bronze("general"));
        }
        assertThat(bronze("stage")).containsExactly("m1 second 2026-11-02/a.jsonl:1", "m2 kia ora 2026-11-02/a.jsonl:2",
                "m3 ka kite 2026-11-02/a.jsonl:3");
        assertThat(spark().read().format("delta").load(quarantine("stage")).count()).as("the bad line, read on both nights").isEqualTo(1);
    }

    private SourceIngestion ingestion(String lake) {
        return new SourceIngestion(spark(), Source.CHATS, dir.resolve(lake + "/bronze").toString(), quarantine(lake), RecordFilter.NONE);
    }

    private String quarantine(String lake) {
        return dir.resolve(lake + "/quarantine").toString();
    }

    /** Each stored record as "id text day/file:line", in id order. */
    private List<String> bronze(String lake) {
        return spark().read().format("delta").load(dir.resolve(lake + "/bronze").toString()).orderBy("message_id")
                .select("message_id", "text", BronzeSchema.SOURCE_FILE, BronzeSchema.LINE).collectAsList().stream()
                .map(SourceIngestionTest::describe).toList();
    }

    private static String describe(Row row) {
        String file = row.getString(2);
        String dayAndFile = file.substring(file.indexOf("dt=") + 3);
        return row.getString(0) + " " + row.getString(1) + " " + dayAndFile + ":" + row.getLong(3);
    }

    private LandedFile land(String name, String... lines) throws IOException {
        Path file = dir.resolve("landing/chats").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
        return new LandedFile("chats", file.toString(), Files.size(file), 0);
    }

    private static SparkSession spark() {
        return SharedSpark.session();
    }

    private static String chat(String id, String text) {
        return "{\"message_id\":\"" + id + "\",\"conversation_id\":\"c1\",\"user_id\":\"u1\",\"role\":\"user\","
                + "\"text\":\"" + text + "\",\"created_at\":\"2026-11-01T10:00:00+13:00\"}";
    }
}
