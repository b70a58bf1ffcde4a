package com.connekz.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.lake.DeltaTables;
import com.connekz.pipeline.run.SourceCounts;
import com.connekz.pipeline.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Option;

class OnePassIngestionTest {
    private static final Timestamp AT = Timestamp.from(Instant.parse("2026-11-02T01:00:00Z"));

    @TempDir
    Path dir;

    @Test
    void aFileWithMoreBadLinesThanATaskKeepsIsReadAgainAndEveryBadLineIsQuarantined() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lines.add(i % 4 == 0 ? chat("m" + i, "fine") : "{broken line " + i);
        }
        LandedFile file = land("a.jsonl", lines);

        Optional<SourceCounts> counts = onePass(64).ingest(List.of(LandedSlice.whole(file)), "run-1", AT);

        assertThat(counts).hasValueSatisfying(chats -> {
            assertThat(chats.read()).isEqualTo(40);
            assertThat(chats.accepted()).isEqualTo(10);
            assertThat(chats.quarantinedByReason()).containsEntry("invalid_json", 30L);
        });
        assertThat(spark().read().format("delta").load(quarantine()).count()).isEqualTo(30);
        assertThat(spark().read().format("delta").load(bronze()).count()).isEqualTo(10);
    }

    @Test
    void aFileReadInSlicesGivesEachRecordAndEachBadLineTheLineNumberItHasInTheFile() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            lines.add(i % 7 == 0 ? "{broken line " + i : chat("m" + i, "line " + i));
        }
        LandedFile file = land("a.jsonl", lines);
        List<LandedSlice> slices = LandedSlices.of(spark(), List.of(file), 1_000);
        assertThat(slices).as("a 60-line file cut at about 1,000 bytes").hasSizeGreaterThan(5);

        Optional<SourceCounts> counts = onePass(10).ingest(slices, "run-1", AT); // every slice with a bad line is read again

        assertThat(counts).hasValueSatisfying(chats -> {
            assertThat(chats.read()).isEqualTo(60);
            assertThat(chats.quarantinedByReason()).containsEntry("invalid_json", 8L);
        });
        for (org.apache.spark.sql.Row row : spark().read().format("delta").load(bronze()).select("message_id", BronzeSchema.LINE).collectAsList()) {
            assertThat(row.getString(0)).isEqualTo("m" + row.getLong(1));
        }
        assertThat(spark().read().format("delta").load(bronze()).count()).isEqualTo(52);
        assertThat(spark().read().format("delta").load(quarantine()).select("line").collectAsList())
                .extracting(row -> row.getLong(0)).containsExactlyInAnyOrder(7L, 14L, 21L, 28L, 35L, 42L, 49L, 56L);
    }

    @Test
    void aNewBronzeTableKeepsStatisticsOffTextAndIdsFromItsFirstVersion() throws IOException {
        LandedFile file = land("a.jsonl", List.of(chat("m1", "kia ora Aroha"), chat("m2", "ka kite")));

        assertThat(onePass(GoodLinesOnly.MAX_KEPT_BYTES).ingest(List.of(LandedSlice.whole(file)), "run-1", AT)).isPresent();

        assertThat(DeltaTables.version(spark(), bronze())).hasValue(0);
        scala.collection.immutable.Map<String, String> configuration = DeltaLog.forTable(spark(), bronze())
                .update(false, Option.empty(), Option.empty()).metadata().configuration();
        assertThat(configuration.get(DeltaTables.STATS_COLUMNS).get())
                .isEqualTo(String.join(",", SourceIngestion.statsColumns(Source.CHATS)));
        try (Stream<Path> log = Files.list(Path.of(bronze(), "_delta_log"))) {
            for (Path entry : log.filter(p -> p.toString().endsWith(".json")).toList()) {
                assertThat(Files.readString(entry)).doesNotContain("Aroha").doesNotContain("\"u1\"");
            }
        }
    }

    @Test
    void aBatchWhoseKeysBronzeHoldsIsLeftToTheGeneralPathWithNothingWritten() throws IOException {
        onePass(GoodLinesOnly.MAX_KEPT_BYTES).ingest(List.of(LandedSlice.whole(land("a.jsonl", List.of(chat("m1", "a"))))), "run-1", AT);
        long version = DeltaTables.version(spark(), bronze()).orElseThrow();

        Optional<SourceCounts> again = onePass(GoodLinesOnly.MAX_KEPT_BYTES)
                .ingest(List.of(LandedSlice.whole(land("b.jsonl", List.of(chat("m1", "a"), chat("m2", "b"))))), "run-2", AT);

        assertThat(again).isEmpty();
        assertThat(DeltaTables.version(spark(), bronze())).hasValue(version);
        assertThat(parquetFiles()).as("the discarded write leaves no file behind").hasSize(1);
    }

    @Test
    void aKeyRepeatedWithinTheBatchIsLeftToTheGeneralPath() throws IOException {
        Optional<SourceCounts> counts = onePass(GoodLinesOnly.MAX_KEPT_BYTES)
                .ingest(List.of(LandedSlice.whole(land("a.jsonl", List.of(chat("m1", "a"), chat("m1", "a"))))), "run-1", AT);

        assertThat(counts).isEmpty();
        assertThat(DeltaTables.exists(spark(), bronze())).isFalse();
        assertThat(parquetFiles()).isEmpty();
    }

    @Test
    void aKeyLandedInTwoFilesOfOneBatchIsLeftToTheGeneralPath() throws IOException {
        List<LandedSlice> twoFiles = List.of(LandedSlice.whole(land("a.jsonl", List.of(chat("m1", "a"), chat("m2", "b")))),
                LandedSlice.whole(land("b.jsonl", List.of(chat("m3", "c"), chat("m1", "a")))));

        assertThat(onePass(GoodLinesOnly.MAX_KEPT_BYTES).ingest(twoFiles, "run-1", AT)).isEmpty();
        assertThat(DeltaTables.exists(spark(), bronze())).isFalse();
        assertThat(parquetFiles()).isEmpty();
    }

    private OnePassIngestion onePass(long maxKeptBytes) {
        return new OnePassIngestion(spark(), Source.CHATS, bronze(), quarantine(), RecordFilter.NONE, maxKeptBytes);
    }

    private List<Path> parquetFiles() throws IOException {
        Path folder = Path.of(bronze());
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".parquet")).toList();
        }
    }

    private LandedFile land(String name, List<String> lines) throws IOException {
        Path file = dir.resolve("landing/chats/dt=2026-11-01").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines) + "\n");
        return new LandedFile("chats", file.toString(), Files.size(file), 0);
    }

    private String bronze() {
        return dir.resolve("lake/bronze/chats").toString();
    }

    private String quarantine() {
        return dir.resolve("lake/quarantine").toString();
    }

    private static SparkSession spark() {
        return SharedSpark.session();
    }

    private static String chat(String id, String text) {
        return "{\"message_id\":\"" + id + "\",\"conversation_id\":\"c1\",\"user_id\":\"u1\",\"role\":\"user\","
                + "\"text\":\"" + text + "\",\"created_at\":\"2026-11-01T10:00:00+13:00\"}";
    }
}
