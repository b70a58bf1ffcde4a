package com.connekz.pipeline.deletion;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.lake.DeltaTables;
import com.connekz.pipeline.testing.SharedSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
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

        RowDeleter.Deleted deleted = new RowDeleter(spark).delete(path, rows -> rows.filter(col("id").equalTo("victim"))
                .select(col("id"), lit("request-1").as(RowDeleter.REQUEST_HASH), col(RowDeleter.FILE)), List.of("id"));

        assertThat(deleted.rowsByRequest()).isEqualTo(Map.of("request-1", 1L));
        assertThat(spark.read().format("delta").load(path).as(Encoders.STRING()).collectAsList())
                .containsExactlyInAnyOrder("kept-1", "kept-2");
    }
}
