package com.connekz.pipeline.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.lake.DeltaTables;
import com.connekz.pipeline.testing.SharedSpark;
import io.delta.tables.DeltaTable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldWriterTest {
    private static final StructType ROWS = new StructType()
            .add(GoldSchema.EXAMPLE_ID, DataTypes.StringType)
            .add(GoldSchema.CONTENT_HASH, DataTypes.StringType)
            .add(GoldSchema.TENANT, DataTypes.StringType)
            .add(GoldSchema.KIND, DataTypes.StringType)
            .add(GoldSchema.SPLIT, DataTypes.StringType)
            .add(GoldSchema.CREATED_AT, DataTypes.TimestampType)
            .add(GoldSchema.SUBJECT_HASH, DataTypes.StringType);
    private static final BuildMetadata BUILD = new BuildMetadata("run-1", "abc", "cfg", Map.of("silver/chats", 3L));

    @TempDir
    Path root;
    SparkSession spark;
    String path;
    GoldWriter writer;

    @BeforeEach
    void start() {
        spark = SharedSpark.session();
        path = root.resolve("gold").toString();
        writer = new GoldWriter(spark);
    }

    private Dataset<Row> examples(String... idAndHash) {
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < idAndHash.length; i += 2) {
            rows.add(RowFactory.create(idAndHash[i], idAndHash[i + 1], "assistant", "chat", "train",
                    java.sql.Timestamp.valueOf("2026-11-01 10:00:00"), "subject"));
        }
        return spark.createDataFrame(rows, ROWS);
    }

    private static ContentFingerprint fingerprintOf(Dataset<Row> wanted) {
        return ContentFingerprint.perTenant(wanted).getOrDefault("assistant", ContentFingerprint.NONE);
    }

    private GoldWriter.Change write(Dataset<Row> wanted, Optional<ContentFingerprint> holds) {
        return writer.write(path, wanted, fingerprintOf(wanted), DeltaTables.version(spark, path), holds);
    }

    @Test
    void createsAMissingTableWithAllItsExamples() {
        GoldWriter.Change created = write(examples("e1", "h1", "e2", "h2"), Optional.empty());

        assertThat(created.inserted()).isEqualTo(2);
        assertThat(created.version()).hasValue(0);
        assertThat(spark.read().format("delta").load(path).count()).isEqualTo(2);
    }

    @Test
    void trustsWhatTheTableIsKnownToHoldWithoutReadingIt() {
        Dataset<Row> wanted = examples("e1", "h1", "e2", "h2");
        write(wanted, Optional.empty());
        DeltaTable.forPath(spark, path).delete("example_id = 'e2'");

        assertThat(write(wanted, Optional.of(fingerprintOf(wanted))).committed())
                .as("a table said to hold the wanted examples is left alone").isFalse();
        assertThat(DeltaTables.version(spark, path)).hasValue(1);
    }

    @Test
    void mergesATableKnownToHoldOtherExamplesAndCountsTheMergeFromItsMetrics() {
        Dataset<Row> before = examples("e1", "h1", "e2", "h2", "e3", "h3");
        write(before, Optional.empty());

        GoldWriter.Change merged = write(examples("e1", "h1", "e2", "changed", "e4", "h4"), Optional.of(fingerprintOf(before)));

        assertThat(merged.version()).hasValue(1);
        assertThat(List.of(merged.inserted(), merged.updated(), merged.deleted())).containsExactly(1L, 1L, 1L);
        assertThat(spark.read().format("delta").load(path).count()).isEqualTo(3);
    }

    @Test
    void comparesRowsWhenWhatTheTableHoldsIsNotKnown() {
        Dataset<Row> wanted = examples("e1", "h1", "e2", "h2");
        write(wanted, Optional.empty());
        DeltaTable.forPath(spark, path).delete("example_id = 'e2'");

        assertThat(write(examples("e1", "h1"), Optional.empty()).committed())
                .as("the table already holds exactly these examples").isFalse();
        GoldWriter.Change restored = write(wanted, Optional.empty());
        assertThat(restored.inserted()).isEqualTo(1);
        assertThat(spark.read().format("delta").load(path).count()).isEqualTo(2);
    }

    @Test
    void commitsInsideABuildCarryItsMetadataAndNoOtherCommitDoes() {
        writer.committingAs(BUILD, () -> write(examples("e1", "h1"), Optional.empty()));
        assertThat(BuildMetadata.parse(DeltaTables.latestCommit(spark, path).orElseThrow().userMetadata())).contains(BUILD);

        write(examples("e1", "h1", "e2", "h2"), Optional.empty());

        assertThat(DeltaTables.latestCommit(spark, path).orElseThrow().userMetadata()).isNull();
    }
}
