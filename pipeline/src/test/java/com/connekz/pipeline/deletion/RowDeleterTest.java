package com.connekz.pipeline.deletion;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.connekz.pipeline.lake.DeltaTables;
import com.connekz.pipeline.testing.SharedSpark;
import com.connekz.pipeline.lake.LogReplay;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaConcurrentModificationException;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.actions.AddFile;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowDeleterTest {
    final SparkSession spark = SharedSpark.session();

    @TempDir
    Path root;

    @Test
    void aRowAnEarlierMergeHidWithADeletionVectorStaysGoneWhenItsFileIsRewritten() {
        String path = root.resolve("table").toString();
        spark.sql("CREATE TABLE delta.`" + path + "` (id STRING) USING DELTA TBLPROPERTIES ('"
                + DeltaTables.DELETION_VECTORS + "' = 'true')");
        spark.createDataset(List.of("hidden", "victim", "kept-1", "kept-2"), Encoders.STRING()).toDF("id").coalesce(1)
                .write().format("delta").mode("append").save(path);
        spark.sql("DELETE FROM delta.`" + path + "` WHERE id = 'hidden'");
        assertThat(TableSnapshot.latest(spark, path).mayHoldDeletionVectors()).isTrue();

        RowDeleter.Deleted deleted = new RowDeleter(spark).delete(path, RowDeleter.Removal.REWRITE_FILES, rows -> rows.filter(col("id").equalTo("victim"))
                .select(col("id"), lit("request-1").as(RowDeleter.REQUEST_HASH), col(RowDeleter.FILE)), List.of("id"));

        assertThat(deleted.rowsByRequest()).isEqualTo(Map.of("request-1", 1L));
        assertThat(DeltaTables.latestCommit(spark, path).orElseThrow().metric("numDeletedRows", -1))
                .as("the row the vector hid is not counted again").isEqualTo(1);
        assertThat(spark.read().format("delta").load(path).as(Encoders.STRING()).collectAsList())
                .containsExactlyInAnyOrder("kept-1", "kept-2");
    }

    @Test
    void markingHidesTheVictimsWithADeletionVectorAndWritesNoDataFile() {
        String path = root.resolve("marked").toString();
        spark.createDataset(List.of("victim", "kept-1", "kept-2"), Encoders.STRING()).toDF("id").coalesce(1)
                .write().format("delta").save(path);
        Set<String> filesBefore = liveFiles(path);

        RowDeleter.Deleted deleted = new RowDeleter(spark, 0).delete(path, RowDeleter.Removal.MARK_LARGE,
                rows -> rows.filter(col("id").equalTo("victim"))
                        .select(col("id"), lit("request-1").as(RowDeleter.REQUEST_HASH), col(RowDeleter.FILE)), List.of("id"));

        assertThat(deleted.rowsByRequest()).isEqualTo(Map.of("request-1", 1L));
        assertThat(deleted.filesTouched()).isEqualTo(1);
        assertThat(deleted.version()).hasValue(TableSnapshot.latest(spark, path).version());
        assertThat(spark.read().format("delta").load(path).as(Encoders.STRING()).collectAsList())
                .containsExactlyInAnyOrder("kept-1", "kept-2");
        assertThat(liveFiles(path)).isEqualTo(filesBefore);
        assertThat(LogReplay.latestFiles(DeltaLog.forTable(spark, path)).orElseThrow())
                .singleElement().satisfies(file -> assertThat(file.deletionVector()).isNotNull());
    }

    @Test
    void touchedFilesSmallerThanTheMarkingThresholdAreRewrittenInstead() {
        String path = root.resolve("small").toString();
        spark.createDataset(List.of("victim", "kept"), Encoders.STRING()).toDF("id").coalesce(1)
                .write().format("delta").save(path);
        Set<String> filesBefore = liveFiles(path);

        RowDeleter.Deleted deleted = new RowDeleter(spark).delete(path, RowDeleter.Removal.MARK_LARGE,
                rows -> rows.filter(col("id").equalTo("victim"))
                        .select(col("id"), lit("request-1").as(RowDeleter.REQUEST_HASH), col(RowDeleter.FILE)), List.of("id"));

        assertThat(deleted.rowsByRequest()).isEqualTo(Map.of("request-1", 1L));
        assertThat(liveFiles(path)).doesNotContainAnyElementsOf(filesBefore).hasSize(1);
        assertThat(TableSnapshot.latest(spark, path).mayHoldDeletionVectors()).isFalse();
        assertThat(spark.read().format("delta").load(path).as(Encoders.STRING()).collectAsList()).containsExactly("kept");
    }

    @Test
    void aTableWhoseFileEntriesRuleOutEveryVictimIsNeitherReadNorCommitted() {
        String path = root.resolve("ruled-out").toString();
        spark.createDataset(List.of("a", "b"), Encoders.STRING()).toDF("id").write().format("delta").save(path);
        long version = TableSnapshot.latest(spark, path).version();

        RowDeleter.Deleted deleted = new RowDeleter(spark).delete(path, RowDeleter.Removal.REWRITE_FILES, file -> false,
                rows -> {
                    throw new AssertionError("no file may hold a victim, so none is read");
                }, List.of("id"));

        assertThat(deleted.rowsByRequest()).isEmpty();
        assertThat(deleted.version()).isEmpty();
        assertThat(TableSnapshot.latest(spark, path).version()).isEqualTo(version);
    }

    @Test
    void onlyTheFilesWhoseStatisticsAdmitAVictimAreRead() {
        String path = root.resolve("ranged").toString();
        spark.createDataFrame(List.of(RowFactory.create("a-1", "a"), RowFactory.create("a-2", "a"),
                        RowFactory.create("b-1", "b"), RowFactory.create("c-1", "c")),
                        new StructType().add("id", DataTypes.StringType).add("subject", DataTypes.StringType))
                .repartitionByRange(3, col("subject")).write().format("delta").save(path);
        assertThat(liveFiles(path)).hasSize(3);

        RowDeleter.Deleted deleted = new RowDeleter(spark).delete(path, RowDeleter.Removal.REWRITE_FILES,
                new StatsRange("subject", List.of("b")), rows -> rows.filter(col("subject").equalTo("b"))
                        .select(col("id"), lit("request-1").as(RowDeleter.REQUEST_HASH), col(RowDeleter.FILE)), List.of("id"));

        assertThat(deleted.filesRead()).isEqualTo(1);
        assertThat(deleted.filesTouched()).isEqualTo(1);
        assertThat(deleted.rowsByRequest()).isEqualTo(Map.of("request-1", 1L));
        assertThat(DeltaTables.latestCommit(spark, path).orElseThrow().metric("numDeletedRows", -1)).isEqualTo(1);
        assertThat(spark.read().format("delta").load(path).select("id").as(Encoders.STRING()).collectAsList())
                .containsExactlyInAnyOrder("a-1", "a-2", "c-1");
    }

    @Test
    void aCommitToAnotherFileOfTheTableWhileItsVictimsAreFoundMakesTheDeletionFail() {
        String path = root.resolve("contended").toString();
        spark.createDataset(List.of("victim", "kept"), Encoders.STRING()).toDF("id").coalesce(1)
                .write().format("delta").save(path);
        spark.createDataset(List.of("other"), Encoders.STRING()).toDF("id").coalesce(1)
                .write().format("delta").mode("append").save(path);

        assertThatThrownBy(() -> new RowDeleter(spark).delete(path, RowDeleter.Removal.REWRITE_FILES, file -> true, rows -> {
            spark.sql("DELETE FROM delta.`" + path + "` WHERE id = 'other'");
            return rows.filter(col("id").equalTo("victim"))
                    .select(col("id"), lit("request-1").as(RowDeleter.REQUEST_HASH), col(RowDeleter.FILE));
        }, List.of("id"))).isInstanceOf(DeltaConcurrentModificationException.class);

        assertThat(spark.read().format("delta").load(path).as(Encoders.STRING()).collectAsList())
                .as("the concurrent delete stands, the deletion did not commit")
                .containsExactlyInAnyOrder("victim", "kept");
    }

    /** The data files of the table's latest version (Delta may leave an empty, unreferenced file beside them). */
    private Set<String> liveFiles(String path) {
        return LogReplay.latestFiles(DeltaLog.forTable(spark, path)).orElseThrow().stream().map(AddFile::path)
                .collect(Collectors.toSet());
    }
}
