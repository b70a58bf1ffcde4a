package com.connekz.pipeline.datasets;

import com.connekz.pipeline.lake.DeltaTables;
import com.connekz.pipeline.lake.LogReplay;

import static com.connekz.pipeline.testing.TwoUsers.ALICE;
import static com.connekz.pipeline.testing.TwoUsers.ALICE_CONVERSATION;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.ingest.Source;
import com.connekz.pipeline.run.StageResult;
import com.connekz.pipeline.testing.SharedSpark;
import com.connekz.pipeline.testing.TestLake;
import com.connekz.pipeline.testing.TwoUsers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.delta.tables.DeltaTable;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.actions.AddFile;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildStageTest {
    @TempDir
    Path root;
    SparkSession spark;
    TestLake lake;

    @BeforeEach
    void land() {
        spark = SharedSpark.session();
        lake = TwoUsers.landedCopy(spark, root);
    }

    private StageResult build() {
        return new BuildStage().run(lake.context("build", 168));
    }

    private List<Row> gold(String name) {
        return spark.read().format("delta").load(lake.lake().gold(name)).collectAsList();
    }

    @Test
    void buildsOneExamplePerConversationCallMemoryAndRequestIntoTheTenantsTable() {
        StageResult result = build();

        List<Row> assistant = gold("assistant");
        Map<String, Long> kinds = assistant.stream().collect(Collectors.groupingBy(r -> r.getAs("kind"), Collectors.counting()));
        assertThat(kinds).containsEntry("chat", 3L).containsEntry("memory", 2L).containsEntry("call", 1L).doesNotContainKey("api");
        assertThat(gold("instances/inst-9")).extracting(r -> (String) r.getAs("kind")).containsExactly("api");
        assertThat(result.outputs()).containsKeys("gold/assistant", "gold/instances/inst-9");

        String exampleId = lake.hash().of("chat/" + ALICE_CONVERSATION);
        Row conversation = assistant.stream().filter(r -> exampleId.equals(r.getAs("example_id"))).findFirst().orElseThrow();
        List<Row> messages = conversation.getList(conversation.fieldIndex("messages"));
        assertThat(messages).extracting(m -> m.getString(0) + ":" + m.getString(1))
                .containsExactly("user:hello alicetext one", "assistant:reply to alicetext one");
        assertThat((String) conversation.getAs("subject_hash")).isEqualTo(lake.hash().of(ALICE));
        assertThat(conversation.getList(conversation.fieldIndex("lineage"))).hasSize(2);
    }

    @Test
    void aNewGoldTableKeepsStatisticsOfNoPersonalColumnAndNoChangeFeed() throws Exception {
        build();
        for (String name : List.of("assistant", "instances/inst-9")) {
            DeltaLog log = DeltaLog.forTable(spark, lake.lake().gold(name));
            assertThat(log.update(false, scala.Option.empty(), scala.Option.empty()).metadata().configuration().get("delta.enableChangeDataFeed"))
                    .isEqualTo(scala.Option.apply("false"));
            Collection<AddFile> files = LogReplay.latestFiles(log).orElseThrow();
            assertThat(files).isNotEmpty();
            for (AddFile file : files) {
                JsonNode stats = new ObjectMapper().readTree(file.stats());
                Set<String> described = new TreeSet<>();
                stats.path("minValues").fieldNames().forEachRemaining(described::add);
                stats.path("maxValues").fieldNames().forEachRemaining(described::add);
                assertThat(described).as(name).isNotEmpty().isSubsetOf(GoldSchema.STATS_COLUMNS);
            }
        }
    }

    @Test
    void mapsCallSpeakersToRolesInTimeOrderAndKeepsTheSummaryApart() {
        build();
        Row call = gold("assistant").stream().filter(r -> "call".equals(r.getAs("kind"))).findFirst().orElseThrow();
        List<Row> messages = call.getList(call.fieldIndex("messages"));
        assertThat(messages).extracting(m -> m.getString(0) + ":" + m.getString(1))
                .containsExactly("user:hello alicetext calling", "assistant:how can I help");
        assertThat((String) call.getAs("summary")).isEqualTo("summary of alicetext call");
    }

    @Test
    void goldHoldsNoRawIdentifier() {
        build();
        for (String name : List.of("assistant", "instances/inst-9")) {
            List<String> rows = spark.read().format("delta").load(lake.lake().gold(name))
                    .toJSON().collectAsList();
            assertThat(String.join("\n", rows)).doesNotContain(ALICE, TwoUsers.BOB, ALICE_CONVERSATION, "msg-a1", "mem-alice-1",
                    "call-alice-1", "req-alice-1");
        }
    }

    @Test
    void commitsNothingWhenNothingChangedAndRecordsBuildMetadata() {
        build();
        long before = DeltaTables.version(spark, lake.lake().gold("assistant")).orElseThrow();
        StageResult again = build();

        assertThat(DeltaTables.version(spark, lake.lake().gold("assistant")).orElseThrow()).isEqualTo(before);
        assertThat(again.outputs()).isEmpty();
        assertThat(again.metrics()).containsEntry("datasets_unchanged", 2L);

        String metadata = DeltaTable.forPath(spark, lake.lake().gold("assistant")).history(1).first().getAs("userMetadata");
        BuildMetadata parsed = BuildMetadata.parse(metadata).orElseThrow();
        assertThat(parsed.codeVersion()).isNotBlank();
        assertThat(parsed.configHash()).isNotBlank();
        assertThat(parsed.inputs()).containsKeys("silver/chats", "silver/calls", "silver/memories", "silver/api",
                "bronze/consent", "bronze/accounts");
    }

    @Test
    void recordsWhatEachVersionHoldsSoThatAnUnchangedTableIsNotRead() {
        build();
        long version = DeltaTables.version(spark, lake.lake().gold("assistant")).orElseThrow();

        GoldContents.Holding held = new GoldContents(spark, lake.lake().system(GoldContents.FOLDER)).latest().get("assistant");

        assertThat(held.version()).isEqualTo(version);
        assertThat(held.fingerprint().examples()).isEqualTo(gold("assistant").size());
        assertThat(build().metrics()).containsEntry("datasets_unchanged", (long) GoldTables.list(spark, lake.lake()).size());
    }

    @Test
    void mergesANewDayKeepingEachExamplesSplit() {
        build();
        Map<String, String> splitsBefore = splits();
        lake.silver(Source.CHATS, List.of(TwoUsers.chat("msg-c1", "conv-new", TwoUsers.BOB, "user", "a new day", 90)));
        StageResult result = build();

        assertThat(result.metrics()).containsEntry("examples_inserted", 1L).containsEntry("examples_deleted", 0L);
        Map<String, String> splitsAfter = splits();
        assertThat(splitsAfter).hasSize(splitsBefore.size() + 1).containsAllEntriesOf(splitsBefore);
        assertThat(DeltaTable.forPath(spark, lake.lake().gold("assistant")).history().count()).isEqualTo(2);
        // New examples alone are appended: the table is not merged (read and rewritten).
        assertThat(DeltaTables.latestCommit(spark, lake.lake().gold("assistant")).orElseThrow().operation()).isEqualTo("WRITE");
    }

    @Test
    void appendsNewDaysUntilTheFileLimitThenMergesTheTableIntoFewerFiles() {
        build();
        int examplesAtFirst = gold("assistant").size();
        String assistant = lake.lake().gold("assistant");
        List<Map<String, Object>> added = new java.util.ArrayList<>();
        for (int day = 0; fileCount(assistant) < GoldDiff.APPENDED_FILES_LIMIT; day++) {
            added.add(TwoUsers.chat("msg-d" + day, "conv-d" + day, TwoUsers.BOB, "user", "day " + day, 90));
            lake.silver(Source.CHATS, List.of(added.get(added.size() - 1)));
            build();
            assertThat(DeltaTables.latestCommit(spark, assistant).orElseThrow().operation()).isEqualTo("WRITE");
        }
        assertThat(added).as("days appended before the limit").isNotEmpty();
        lake.silver(Source.CHATS, List.of(TwoUsers.chat("msg-last", "conv-last", TwoUsers.BOB, "user", "one more day", 90)));
        StageResult result = build();

        assertThat(DeltaTables.latestCommit(spark, assistant).orElseThrow().operation()).isEqualTo("MERGE");
        assertThat(result.metrics()).containsEntry("examples_inserted", 1L).containsEntry("examples_deleted", 0L);
        assertThat(fileCount(assistant)).isLessThan(GoldDiff.APPENDED_FILES_LIMIT);
        assertThat(gold("assistant")).hasSize(examplesAtFirst + added.size() + 1);
    }

    private long fileCount(String table) {
        return DeltaLog.forTable(spark, table).update(false, scala.Option.empty(), scala.Option.empty()).numOfFiles();
    }

    @Test
    void mergesWhenAnExampleChangesAndCountsExactlyThatChange() {
        build();
        List<Map<String, Object>> chats = new java.util.ArrayList<>(TwoUsers.records().get(Source.CHATS));
        chats.add(TwoUsers.chat("msg-c2", ALICE_CONVERSATION, ALICE, "user", "one more message", 95));
        chats.add(TwoUsers.chat("msg-c3", "conv-new", TwoUsers.BOB, "user", "a new day", 90));
        lake.replaceSilver(Source.CHATS, chats);
        StageResult result = build();

        assertThat(result.metrics()).containsEntry("examples_inserted", 1L).containsEntry("examples_updated", 1L)
                .containsEntry("examples_deleted", 0L);
        assertThat(DeltaTables.latestCommit(spark, lake.lake().gold("assistant")).orElseThrow().operation()).isEqualTo("MERGE");
        assertThat(build().metrics()).containsEntry("datasets_unchanged", (long) GoldTables.list(spark, lake.lake()).size());
    }

    @Test
    void aWithdrawnRecordLeavesTheNextVersionButStaysInBronze() {
        build();
        List<Map<String, Object>> withoutAliceMemory = TwoUsers.records().get(Source.MEMORIES).stream()
                .filter(r -> !TwoUsers.ALICE_MEMORY.equals(r.get("memory_id"))).toList();
        lake.replaceSilver(Source.MEMORIES, withoutAliceMemory);
        StageResult result = build();

        assertThat(result.metrics()).containsEntry("examples_deleted", 1L);
        assertThat(gold("assistant")).noneMatch(r -> lake.hash().of("memory/" + TwoUsers.ALICE_MEMORY).equals(r.getAs("example_id")));
        long version = DeltaTables.version(spark, lake.lake().gold("assistant")).orElseThrow();
        assertThat(new Datasets(spark, lake.lake()).read("assistant", version - 1)
                .filter(col("kind").equalTo("memory")).count()).isEqualTo(2);
        assertThat(spark.read().format("delta").load(lake.lake().bronze(Source.MEMORIES))
                .filter(col("memory_id").equalTo(TwoUsers.ALICE_MEMORY)).count()).isEqualTo(1);
    }

    @Test
    void splitsAboutOneInTwentyExamplesIntoValidation() {
        List<Map<String, Object>> many = new java.util.ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            many.add(TwoUsers.chat("m-" + i, "conv-" + i, TwoUsers.BOB, "user", "text " + i, 5));
        }
        lake.silver(Source.CHATS, many);
        build();
        long validation = spark.read().format("delta").load(lake.lake().gold("assistant"))
                .filter(col("split").equalTo("validation")).count();
        assertThat(validation).isBetween(60L, 140L);
    }

    @Test
    void showsVersionsWithCountsPerKindAndSplit() {
        build();
        Datasets datasets = new Datasets(spark, lake.lake());
        assertThat(datasets.names()).containsExactly("assistant", "instances/inst-9");
        DatasetVersion latest = datasets.show("assistant", Optional.empty());
        assertThat(latest.rows()).isEqualTo(6);
        assertThat(latest.rowsByKind()).containsEntry("chat", 3L).containsEntry("memory", 2L).containsEntry("call", 1L);
        assertThat(latest.rowsBySplit().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(6);
        assertThat(latest.build().runId()).startsWith("run-");
        assertThat(datasets.list()).hasSize(2);
    }

    private Map<String, String> splits() {
        return gold("assistant").stream().collect(Collectors.toMap(r -> r.getAs("example_id"), r -> r.getAs("split")));
    }
}
