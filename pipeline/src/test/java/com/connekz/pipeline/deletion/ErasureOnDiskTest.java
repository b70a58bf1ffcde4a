package com.connekz.pipeline.deletion;

import static com.connekz.pipeline.testing.TwoUsers.ALICE;
import static com.connekz.pipeline.testing.TwoUsers.ALICE_TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.audit.DeletionAudit;
import com.connekz.pipeline.audit.SubjectAudit;
import com.connekz.pipeline.ingest.Source;
import com.connekz.pipeline.testing.SharedSpark;
import com.connekz.pipeline.testing.TestLake;
import com.connekz.pipeline.testing.TwoUsers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise of an account deletion, checked on the bytes: after the purge (retention 0) no file
 * under the lake — data file, deletion vector, commit, checksum or checkpoint — holds the user's
 * raw id or any of the user's text, while other users' data is still readable.
 */
class ErasureOnDiskTest {
    @TempDir
    Path root;

    @Test
    void anAccountDeletionLeavesNeitherTheRawIdNorAnyTextOnDisk() throws IOException {
        SparkSession spark = SharedSpark.session();
        TestLake lake = TwoUsers.landedCopy(spark, root, true);
        assertThat(filesHolding(ALICE)).as("the test must see Alice before").isNotEmpty();

        lake.bronze(Source.DELETIONS, List.of(TwoUsers.deletion("del-1", ALICE, "account", null)));
        new DeletionStage().run(lake.context("delete", 0));

        assertThat(filesHolding(ALICE)).isEmpty();
        assertThat(filesHolding(ALICE_TEXT)).isEmpty();
        assertThat(parquetRowsHolding(spark, ALICE)).isEmpty();
        assertThat(parquetRowsHolding(spark, ALICE_TEXT)).isEmpty();

        assertThat(new DeletionAudit(spark, lake.lake(), lake.hash()).find("del-1").orElseThrow().purgedAt()).isNotNull();
        assertThat(new SubjectAudit(spark, lake.lake(), lake.hash()).audit(ALICE).clean()).isTrue();
        assertThat(spark.read().format("delta").load(lake.lake().bronze(Source.CHATS)).count()).isEqualTo(2);
        assertThat(spark.read().format("delta").load(lake.lake().gold("assistant")).count()).isEqualTo(2);
    }

    /** Every file whose raw bytes hold the text (commits, checksums, and uncompressed parquet values). */
    private Set<String> filesHolding(String text) throws IOException {
        Set<String> holding = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                if (bytes.contains(text)) {
                    holding.add(root.relativize(file).toString());
                }
            }
        }
        return holding;
    }

    /** Every folder whose parquet files (data files, checkpoints), read as rows, hold the text. */
    private Set<String> parquetRowsHolding(SparkSession spark, String text) throws IOException {
        Set<String> folders = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.getFileName().toString().endsWith(".parquet")).map(f -> f.getParent().toString()).forEach(folders::add);
        }
        Set<String> holding = new TreeSet<>();
        for (String folder : folders) {
            List<String> rows = spark.read().option("pathGlobFilter", "*.parquet").parquet(folder).toJSON().collectAsList();
            if (rows.stream().anyMatch(row -> row.contains(text))) {
                holding.add(root.relativize(Path.of(folder)).toString());
            }
        }
        return holding;
    }
}
