package com.connekz.pipeline.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.connekz.pipeline.testing.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FanOutWriteTest {
    private static final StructType SCHEMA = new StructType()
            .add("owner", DataTypes.StringType)
            .add("id", DataTypes.LongType)
            .add("text", DataTypes.StringType);
    private static final Map<String, String> PROPERTIES = Map.of(DeltaTables.STATS_COLUMNS, "id");

    private final SparkSession spark = SharedSpark.session();

    @TempDir
    Path dir;

    Dataset<Row> rows(Object... ownerAndId) {
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < ownerAndId.length; i += 2) {
            rows.add(RowFactory.create(ownerAndId[i], ((Number) ownerAndId[i + 1]).longValue(), "words " + ownerAndId[i + 1]));
        }
        return spark.createDataFrame(rows, SCHEMA);
    }

    List<Long> ids(String path) {
        return spark.read().format("delta").load(path).orderBy("id").select("id").as(Encoders.LONG()).collectAsList();
    }

    @Test
    void eachTableGetsItsOwnRowsInOneCommitAndNewTablesTheirProperties() throws Exception {
        String existing = dir.resolve("tables/a").toString();
        rows("a", 1).write().format("delta").save(existing);
        String created = dir.resolve("tables/b").toString();
        String staging = dir.resolve("staging").toString();

        Map<String, FanOutWrite.Committed> committed = new FanOutWrite(spark, staging).write(
                rows("a", 2, "b", 3, "a", 4, "b", 5, "c", 6), "owner",
                Map.of("a", new FanOutWrite.Target(existing, false), "b", new FanOutWrite.Target(created, true)),
                PROPERTIES);

        assertThat(committed.get("a")).isEqualTo(new FanOutWrite.Committed(1, 2, 1));
        assertThat(committed.get("b")).isEqualTo(new FanOutWrite.Committed(0, 2, 1));
        assertThat(ids(existing)).containsExactly(1L, 2L, 4L);
        assertThat(ids(created)).containsExactly(3L, 5L);
        DeltaTables.Commit append = DeltaTables.latestCommit(spark, existing).orElseThrow();
        assertThat(append.operation()).isEqualTo("WRITE");
        assertThat(append.operationParameters().get("mode")).contains("Append");
        assertThat(append.metric("numOutputRows", -1)).isEqualTo(2);
        assertThat(spark.sql("DESCRIBE DETAIL delta.`" + created + "`").select("properties").first().getMap(0).get(DeltaTables.STATS_COLUMNS).get())
                .isEqualTo("id");
        assertThat(Files.exists(Path.of(staging))).isFalse();
        try (Stream<Path> files = Files.list(Path.of(created))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".parquet"))).hasSize(1);
        }
    }

    @Test
    void newTablesAreCommittedWithoutASparkJobEach() throws Exception {
        SqlExecutions executions = new SqlExecutions();
        spark.sparkContext().addSparkListener(executions);
        try {
            new FanOutWrite(spark, dir.resolve("staging").toString()).write(rows("x", 1, "y", 2, "z", 3), "owner",
                    Map.of("x", new FanOutWrite.Target(dir.resolve("tables/x").toString(), true),
                            "y", new FanOutWrite.Target(dir.resolve("tables/y").toString(), true),
                            "z", new FanOutWrite.Target(dir.resolve("tables/z").toString(), true)),
                    PROPERTIES);
            spark.sparkContext().listenerBus().waitUntilEmpty();
        } finally {
            spark.sparkContext().removeSparkListener(executions);
        }

        assertThat(executions.started).hasValue(1);
        assertThat(ids(dir.resolve("tables/z").toString())).containsExactly(3L);
    }

    /** Counts the Spark SQL executions started while it listens. */
    private static final class SqlExecutions extends SparkListener {
        final AtomicInteger started = new AtomicInteger();

        @Override
        public void onOtherEvent(SparkListenerEvent event) {
            if (event instanceof SparkListenerSQLExecutionStart) {
                started.incrementAndGet();
            }
        }
    }

    @Test
    void theFilesCarryStatisticsOfTheConfiguredColumnsOnly() {
        String created = dir.resolve("tables/stats").toString();
        new FanOutWrite(spark, dir.resolve("staging").toString()).write(rows("s", 7, "s", 9), "owner",
                Map.of("s", new FanOutWrite.Target(created, true)), PROPERTIES);

        String stats = spark.read().json(created + "/_delta_log/00000000000000000000.json")
                .filter("add IS NOT NULL").select("add.stats").as(Encoders.STRING()).first();
        assertThat(stats).contains("\"numRecords\":2").contains("\"id\":7").contains("\"id\":9")
                .doesNotContain("words").doesNotContain("owner");
    }

    @Test
    void aTableOfAnotherSchemaIsRefusedBeforeAnythingIsWritten() {
        String other = dir.resolve("tables/other").toString();
        spark.createDataset(List.of("x"), Encoders.STRING()).write().format("delta").save(other);
        String created = dir.resolve("tables/new").toString();

        assertThatThrownBy(() -> new FanOutWrite(spark, dir.resolve("staging").toString()).write(rows("o", 1, "n", 2), "owner",
                Map.of("o", new FanOutWrite.Target(other, false), "n", new FanOutWrite.Target(created, true)), PROPERTIES))
                .hasMessageContaining("schema").hasMessageContaining(other);
        assertThat(DeltaTables.version(spark, other)).hasValue(0);
        assertThat(DeltaTables.exists(spark, created)).isFalse();
    }
}
