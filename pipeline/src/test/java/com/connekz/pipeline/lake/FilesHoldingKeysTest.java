package com.connekz.pipeline.lake;

import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.testing.SharedSpark;
import io.delta.tables.DeltaTable;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesHoldingKeysTest {
    final SparkSession spark = SharedSpark.session();

    @TempDir
    Path root;

    /** Three commits of one file each: conversations a and b, then c, then d and a again. */
    String threeFiles() {
        String path = root.resolve("bronze").toString();
        append(path, List.of("m1,a", "m2,a", "m3,b"));
        append(path, List.of("m4,c", "m5,c"));
        append(path, List.of("m6,d", "m7,a"));
        return path;
    }

    void append(String path, List<String> messages) {
        spark.createDataset(messages, Encoders.STRING()).coalesce(1)
                .selectExpr("split(value, ',')[0] as message_id", "split(value, ',')[1] as conversation_id")
                .write().format("delta").mode("append").option("delta.enableDeletionVectors", "true").save(path);
    }

    Dataset<Row> wanted(String... conversations) {
        return spark.createDataset(List.of(conversations), Encoders.STRING()).toDF("wanted");
    }

    List<String> messagesOf(Dataset<Row> rows) {
        return rows.select("message_id").as(Encoders.STRING()).collectAsList();
    }

    Dataset<Row> read(String path, long version, String... conversations) {
        Dataset<Row> table = spark.read().format("delta").option("versionAsOf", version).load(path);
        return FilesHoldingKeys.of(spark, path, version, table, "conversation_id", wanted(conversations), "wanted");
    }

    @Test
    void readsOnlyTheFilesWhereAWantedKeyOccursAndEveryRowOfThem() {
        String path = threeFiles();

        assertThat(messagesOf(read(path, 2, "c"))).containsExactlyInAnyOrder("m4", "m5");
        assertThat(messagesOf(read(path, 2, "d"))).as("the whole file, not only the wanted key's rows")
                .containsExactlyInAnyOrder("m6", "m7");
        assertThat(messagesOf(read(path, 2, "b", "d"))).containsExactlyInAnyOrder("m1", "m2", "m3", "m6", "m7");
        assertThat(messagesOf(read(path, 2, "nobody"))).isEmpty();
    }

    @Test
    void rowsHiddenByADeletionVectorStayHidden() {
        String path = threeFiles();
        DeltaTable.forPath(spark, path).delete("message_id = 'm5'");
        long latest = DeltaTables.version(spark, path).orElseThrow();

        assertThat(messagesOf(read(path, latest, "c"))).containsExactly("m4");
    }

    @Test
    void aVersionThatIsNoLongerTheLatestIsReadWhole() {
        String path = threeFiles();

        assertThat(messagesOf(read(path, 1, "c"))).containsExactlyInAnyOrder("m1", "m2", "m3", "m4", "m5");
    }
}
