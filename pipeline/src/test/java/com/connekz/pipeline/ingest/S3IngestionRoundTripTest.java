package com.connekz.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.run.SourceCounts;
import com.connekz.pipeline.run.StageResult;
import com.connekz.pipeline.testing.LoopbackS3;
import com.connekz.pipeline.testing.SharedSpark;
import com.connekz.pipeline.testing.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same ingestion with landing zone and lake on S3, through S3A against a loopback server. */
class S3IngestionRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void ingestsFromS3IntoADeltaLakeOnS3AndSkipsTheFilesOnTheNextRun() throws Exception {
        Path landing = dir.resolve("landing/chats/dt=2026-11-01/part-00000.jsonl");
        Files.createDirectories(landing.getParent());
        Files.writeString(landing, """
                {"message_id":"m1","conversation_id":"c1","user_id":"u1","role":"user","text":"hi","created_at":"2026-11-01T10:00:00Z"}
                {"message_id":"m2","conversation_id":"c1","user_id":"u1","role":"assistant","text":"hello","created_at":"2026-11-01T10:00:01Z"}
                not json
                """);
        SparkSession spark = SharedSpark.session();
        try (LoopbackS3 s3 = new LoopbackS3()) {
            s3.createBucket("round-trip");
            s3.upload(dir.resolve("landing"), "round-trip", "landing");
            s3.configure(spark.sparkContext().hadoopConfiguration());

            StageResult first = new IngestStage(RecordFilter.NONE)
                    .run(TestRuns.context("s3a://round-trip/landing", "s3a://round-trip/lake", "ingest"));
            StageResult second = new IngestStage(RecordFilter.NONE)
                    .run(TestRuns.context("s3a://round-trip/landing", "s3a://round-trip/lake", "ingest"));

            SourceCounts chats = first.sources().get("chats");
            assertThat(chats.read()).isEqualTo(3);
            assertThat(chats.accepted()).isEqualTo(2);
            assertThat(chats.quarantined()).isEqualTo(1);
            assertThat(second.sources()).isEmpty();
            assertThat(spark.read().format("delta").load("s3a://round-trip/lake/bronze/chats").count()).isEqualTo(2);
            assertThat(s3.client().listObjectsV2(b -> b.bucket("round-trip").prefix("lake/bronze/chats/_delta_log/"))
                    .contents()).isNotEmpty();
        }
    }

    @Test
    void aLargeFileOnS3IsReadInSlicesEachLineWithItsOwnNumber() throws Exception {
        Path landing = dir.resolve("landing/chats/dt=2026-11-01/part-00000.jsonl");
        Files.createDirectories(landing.getParent());
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 30; i++) {
            lines.append("{\"message_id\":\"m").append(i).append("\",\"conversation_id\":\"c1\",\"user_id\":\"u1\",")
                    .append("\"role\":\"user\",\"text\":\"line ").append(i).append("\",\"created_at\":\"2026-11-01T10:00:00Z\"}\n");
        }
        Files.writeString(landing, lines);
        SparkSession spark = SharedSpark.session();
        try (LoopbackS3 s3 = new LoopbackS3()) {
            s3.createBucket("slices");
            s3.upload(dir.resolve("landing"), "slices", "landing");
            s3.configure(spark.sparkContext().hadoopConfiguration());
            LandedFile file = new LandedFile("chats", "s3a://slices/landing/chats/dt=2026-11-01/part-00000.jsonl",
                    Files.size(landing), 0);

            List<LandedSlice> slices = LandedSlices.of(spark, List.of(file), 500);
            List<Row> read = LandedLines.frame(spark, Source.CHATS,
                            LandedLines.read(spark, Source.CHATS, slices, "run-1", new Timestamp(0)))
                    .select("message_id", BronzeSchema.LINE).collectAsList();

            assertThat(slices).hasSizeGreaterThan(3);
            assertThat(read).hasSize(30).allSatisfy(row -> assertThat(row.getString(0)).isEqualTo("m" + row.getLong(1)));
        }
    }
}
