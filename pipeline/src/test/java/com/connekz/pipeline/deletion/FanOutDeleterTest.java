package com.connekz.pipeline.deletion;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.connekz.pipeline.lake.DeltaTables;
import com.connekz.pipeline.testing.SharedSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaConcurrentModificationException;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FanOutDeleterTest {
    private static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.StringType)
            .add("owner", DataTypes.StringType);

    final SparkSession spark = SharedSpark.session();

    @TempDir
    Path root;

    String table(String name, String... ids) {
        String path = root.resolve(name).toString();
        spark.createDataFrame(java.util.Arrays.stream(ids).map(id -> RowFactory.create(id, name)).toList(), SCHEMA)
                .coalesce(1).write().format("delta").save(path);
        return path;
    }

    List<String> ids(String path) {
        return spark.read().format("delta").load(path).select("id").as(Encoders.STRING()).collectAsList();
    }

    /** Rows whose id is in {@code ids}, or whose id and owner are {@code shared} and {@code sharedOwner}. */
    static Function<Dataset<Row>, Dataset<Row>> victims(List<String> ids, String shared, String sharedOwner) {
        return rows -> rows.filter(col("id").isin(ids.toArray()).or(col("id").equalTo(shared).and(col("owner").equalTo(sharedOwner))))
                .select(col("id"), lit("request-1").as(RowDeleter.REQUEST_HASH), col(RowDeleter.FILE));
    }

    FanOutDeleter deleter() {
        return new FanOutDeleter(spark, root.resolve("staging").toString());
    }

    @Test
    void eachTableLosesItsOwnVictimsInACommitOfItsOwnAndAKeyOfAnotherTableStays() {
        String a = table("a", "a-1", "a-2", "x");
        String b = table("b", "b-1", "x");
        String untouched = table("c", "c-1");

        Map<String, RowDeleter.Deleted> deleted = deleter().delete(List.of(a, b, untouched), file -> true,
                victims(List.of("a-1", "b-1"), "x", "b"), List.of("id"));

        assertThat(ids(a)).containsExactlyInAnyOrder("a-2", "x");
        assertThat(ids(b)).isEmpty();
        assertThat(ids(untouched)).containsExactly("c-1");
        assertThat(deleted.get(a)).isEqualTo(new RowDeleter.Deleted(Map.of("request-1", 1L), OptionalLong.of(1), 1, 1));
        assertThat(deleted.get(b)).isEqualTo(new RowDeleter.Deleted(Map.of("request-1", 2L), OptionalLong.of(1), 1, 1));
        assertThat(deleted.get(untouched)).isEqualTo(new RowDeleter.Deleted(Map.of(), OptionalLong.empty(), 1, 0));
        for (String path : List.of(a, b)) {
            DeltaTables.Commit commit = DeltaTables.latestCommit(spark, path).orElseThrow();
            assertThat(commit.operation()).isEqualTo("DELETE");
            assertThat(commit.metric("numRemovedFiles", -1)).isEqualTo(1);
        }
        assertThat(DeltaTables.latestCommit(spark, a).orElseThrow().metric("numDeletedRows", -1)).isEqualTo(1);
        assertThat(DeltaTables.latestCommit(spark, b).orElseThrow().metric("numDeletedRows", -1)).isEqualTo(2);
        assertThat(DeltaTables.version(spark, untouched)).hasValue(0);
        assertThat(root.resolve("staging")).doesNotExist();
    }

    @Test
    void onlyFilesTheirStatisticsAdmitAreReadAndATableWithNoneIsNotRead() {
        String a = table("a", "a-1", "a-2");
        String b = table("b", "b-1");

        Map<String, RowDeleter.Deleted> deleted = deleter().delete(List.of(a, b),
                new StatsRange("id", List.of("a-1")), victims(List.of("a-1"), "", ""), List.of("id"));

        assertThat(deleted.get(a).filesRead()).isEqualTo(1);
        assertThat(deleted.get(b)).isEqualTo(RowDeleter.Deleted.NOTHING);
        assertThat(ids(a)).containsExactly("a-2");
    }

    @Test
    void aCommitToOneTableWhileTheVictimsAreFoundFailsThatTableOnlyAndKeepsItsRows() {
        String a = table("a", "a-1", "a-2");
        String b = table("b", "b-1", "b-2");
        Function<Dataset<Row>, Dataset<Row>> findWhileBChanges = rows -> {
            spark.createDataFrame(List.of(RowFactory.create("b-3", "b")), SCHEMA).write().format("delta").mode("append").save(b);
            return victims(List.of("a-1", "b-1"), "", "").apply(rows);
        };

        assertThatThrownBy(() -> deleter().delete(List.of(a, b), file -> true, findWhileBChanges, List.of("id")))
                .isInstanceOf(DeltaConcurrentModificationException.class);

        assertThat(ids(a)).containsExactly("a-2");
        assertThat(ids(b)).containsExactlyInAnyOrder("b-1", "b-2", "b-3");
    }
}
