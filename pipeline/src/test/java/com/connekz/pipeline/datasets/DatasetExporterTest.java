package com.connekz.pipeline.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.connekz.pipeline.ingest.Source;
import com.connekz.pipeline.testing.SharedSpark;
import com.connekz.pipeline.testing.TestLake;
import com.connekz.pipeline.testing.TwoUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetExporterTest {
    @TempDir
    Path root;

    @Test
    void exportsExactlyAnOlderVersionWithAManifestWhoseChecksumsMatchTheFiles() throws Exception {
        SparkSession spark = SharedSpark.session();
        TestLake lake = TwoUsers.landedCopy(spark, root.resolve("lake"), true);
        Datasets datasets = new Datasets(spark, lake.lake());
        long first = datasets.resolve("assistant", Optional.empty());
        List<String> firstIds = ids(datasets.read("assistant", first).select("example_id").as(Encoders.STRING()).collectAsList());
        lake.silver(Source.CHATS, List.of(TwoUsers.chat("msg-n1", "conv-new", TwoUsers.BOB, "user", "a later day", 90)));
        new BuildStage().run(lake.context("build", 168));
        assertThat(datasets.resolve("assistant", Optional.empty())).isEqualTo(first + 1);

        Path out = root.resolve("export");
        ExportManifest manifest = new DatasetExporter(spark, datasets)
                .export("assistant", Optional.of(first), DatasetExporter.Format.JSONL, out.toString());

        List<String> exported = spark.read().json(out.resolve("data").toString()).select("example_id")
                .as(Encoders.STRING()).collectAsList();
        assertThat(ids(exported)).isEqualTo(firstIds);
        JsonNode written = new ObjectMapper().readTree(out.resolve(DatasetExporter.MANIFEST).toFile());
        assertThat(written.get("version").asLong()).isEqualTo(first);
        assertThat(written.get("rows").asLong()).isEqualTo(firstIds.size());
        assertThat(written.get("build").get("run_id").asText()).isNotBlank();
        assertThat(manifest.files()).isNotEmpty();
        for (JsonNode file : written.get("files")) {
            byte[] bytes = Files.readAllBytes(out.resolve(file.get("path").asText()));
            assertThat(file.get("bytes").asLong()).isEqualTo(bytes.length);
            assertThat(file.get("sha256").asText())
                    .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        }

        assertThatThrownBy(() -> new DatasetExporter(spark, datasets)
                .export("assistant", Optional.empty(), DatasetExporter.Format.PARQUET, out.toString()))
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> datasets.resolve("assistant", Optional.of(first + 5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> ids(List<String> ids) {
        return ids.stream().sorted().toList();
    }
}
