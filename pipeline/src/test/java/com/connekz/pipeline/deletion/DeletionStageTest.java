package com.connekz.pipeline.deletion;

import static com.connekz.pipeline.testing.TwoUsers.ALICE;
import static com.connekz.pipeline.testing.TwoUsers.BOB;
import static com.connekz.pipeline.testing.TwoUsers.deletion;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.audit.DeletionAudit;
import com.connekz.pipeline.audit.SubjectAudit;
import com.connekz.pipeline.lake.DeltaTables;
import com.connekz.pipeline.ingest.Source;
import com.connekz.pipeline.run.StageResult;
import com.connekz.pipeline.testing.SharedSpark;
import com.connekz.pipeline.testing.TestLake;
import com.connekz.pipeline.testing.TwoUsers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeletionStageTest {
    @TempDir
    Path root;
    SparkSession spark;
    TestLake lake;

    @BeforeEach
    void land() {
        spark = SharedSpark.session();
        lake = TwoUsers.landedCopy(spark, root, true);
    }

    private StageResult delete(int retentionHours, Map<String, Object>... requests) {
        lake.bronze(Source.DELETIONS, List.of(requests));
        return new DeletionStage().run(lake.context("delete", retentionHours));
    }

    private Dataset<Row> table(String relative) {
        return spark.read().format("delta").load(lake.lake().path(relative));
    }

    private List<String> column(String relative, String column) {
        return table(relative).select(column).as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    }

    private List<String> goldExamples() {
        return column("gold/assistant", "example_id");
    }

    private String example(String kind, String key) {
        return lake.hash().of(kind + "/" + key);
    }

    @Test
    void targetedScopesEraseExactlyTheirTargetFromEveryTable() {
        StageResult result = delete(168,
                deletion("del-1", ALICE, "conversation", TwoUsers.ALICE_CONVERSATION),
                deletion("del-2", ALICE, "call", TwoUsers.ALICE_CALL),
                deletion("del-3", ALICE, "memory", TwoUsers.ALICE_MEMORY),
                deletion("del-4", BOB, "memory", TwoUsers.ALICE_MEMORY));

        for (String layer : List.of("bronze", "silver")) {
            assertThat(column(layer + "/chats", "message_id")).containsExactlyInAnyOrder("msg-a3", "msg-b1", "msg-b2");
            assertThat(column(layer + "/memories", "memory_id")).containsExactly("mem-bob-1");
            assertThat(table(layer + "/calls").count()).isZero();
            assertThat(table(layer + "/api").count()).isEqualTo(1);
        }
        assertThat(goldExamples())
                .doesNotContain(example("chat", TwoUsers.ALICE_CONVERSATION), example("call", TwoUsers.ALICE_CALL),
                        example("memory", TwoUsers.ALICE_MEMORY))
                .contains(example("chat", TwoUsers.ALICE_OTHER_CONVERSATION), example("chat", "conv-bob-1"),
                        example("memory", "mem-bob-1"));
        assertThat(table("quarantine").count()).isEqualTo(2);
        assertThat(result.metrics()).containsEntry("requests_applied", 4L);

        DeletionAudit audit = new DeletionAudit(spark, lake.lake(), lake.hash());
        LedgerEntry conversation = audit.find("del-1").orElseThrow();
        assertThat(conversation.status()).isEqualTo(LedgerEntry.APPLIED);
        assertThat(conversation.appliedVersions()).containsKeys("bronze/chats", "silver/chats", "gold/assistant");
        assertThat(conversation.deletedRows()).containsEntry("bronze/chats", 2L).containsEntry("gold/assistant", 1L);
        assertThat(conversation.purgedAt()).isNull();
        // A request naming another user's memory erases nothing.
        assertThat(audit.find("del-4").orElseThrow().deletedRows()).isEmpty();
    }

    @Test
    void allAssistantDataErasesChatsMemoriesAndCallsButKeepsApiDataAndTheAccount() {
        delete(168, deletion("del-1", ALICE, "all_assistant_data", null));

        for (String layer : List.of("bronze", "silver")) {
            assertThat(column(layer + "/chats", "user_id")).containsOnly(BOB);
            assertThat(column(layer + "/memories", "user_id")).containsOnly(BOB);
            assertThat(table(layer + "/calls").count()).isZero();
            assertThat(column(layer + "/api", "developer_id")).containsExactly(ALICE);
        }
        assertThat(column("bronze/accounts", "user_id")).contains(ALICE);
        assertThat(column("bronze/consent", "user_id")).contains(ALICE);
        assertThat(column("quarantine", "raw_line")).noneMatch(line -> line.contains(ALICE));
        assertThat(table("gold/assistant").filter(col("subject_hash").equalTo(lake.hash().of(ALICE))).count()).isZero();
        assertThat(table("gold/instances/inst-9").count()).isEqualTo(1);
    }

    @Test
    void accountErasesEverythingOfTheUserIncludingTheRawRequestAndIsNotAppliedTwice() {
        SubjectAudit subject = new SubjectAudit(spark, lake.lake(), lake.hash());
        assertThat(subject.audit(ALICE).findings()).extracting(SubjectAudit.Finding::table)
                .contains("bronze/chats", "silver/api", "quarantine", "gold/assistant", "gold/instances/inst-9", "bronze/accounts");

        delete(168, deletion("del-1", ALICE, "account", null), deletion("del-2", BOB, "conversation", "conv-bob-1"));

        for (Source source : Source.values()) {
            String user = source == Source.API ? "developer_id" : "user_id";
            assertThat(column("bronze/" + source.folder(), user)).as(source.folder()).doesNotContain(ALICE);
        }
        assertThat(column("bronze/deletions", "request_id")).containsExactly("del-2");
        assertThat(column("quarantine", "raw_line")).noneMatch(line -> line.contains(ALICE));
        assertThat(table("gold/assistant").filter(col("subject_hash").equalTo(lake.hash().of(ALICE))).count()).isZero();
        assertThat(table("gold/instances/inst-9").count()).isZero();
        assertThat(table("bronze/chats").count()).as("bob's conversation went in the same run").isZero();
        assertThat(column("bronze/memories", "memory_id")).containsExactly("mem-bob-1");

        // Only retained old versions still hold Alice's rows until the purge.
        SubjectAudit.Report after = subject.audit(ALICE);
        assertThat(after.findings()).isNotEmpty().allMatch(f -> !f.rowsByVersion().containsKey(
                DeltaTables.version(spark, lake.lake().path(f.table())).orElseThrow()));

        long ledgerVersion = DeltaTables.version(spark, lake.lake().system(DeletionLedger.TABLE)).orElseThrow();
        StageResult again = new DeletionStage().run(lake.context("delete", 168));
        assertThat(again.metrics()).containsEntry("requests_new", 0L);
        assertThat(again.outputs()).isEmpty();
        assertThat(DeltaTables.version(spark, lake.lake().system(DeletionLedger.TABLE)).orElseThrow()).isEqualTo(ledgerVersion);
    }

    @Test
    void tombstonesKeepAReplayedRecordOutButLetNewDataIn() {
        delete(168, deletion("del-1", ALICE, "conversation", TwoUsers.ALICE_CONVERSATION),
                deletion("del-2", BOB, "account", null));

        TestLake landing = new TestLake(spark, root.resolve("landing-copy"));
        landing.bronze(Source.CHATS, List.of(
                TwoUsers.chat("msg-a1", TwoUsers.ALICE_CONVERSATION, ALICE, "user", "hello alicetext one", 0),
                TwoUsers.chat("msg-a8", TwoUsers.ALICE_CONVERSATION, ALICE, "user", "after the request", 60 * 48),
                TwoUsers.chat("msg-a3", TwoUsers.ALICE_OTHER_CONVERSATION, ALICE, "user", "alicetext two", 2),
                TwoUsers.chat("msg-b1", "conv-bob-1", BOB, "user", "bob says hi", 3)));
        Dataset<Row> replay = spark.read().format("delta").load(landing.lake().bronze(Source.CHATS));

        List<String> kept = new Tombstones(spark, lake.lake()).excludeFrom(replay, Source.CHATS, lake.hash())
                .select("message_id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertThat(kept).containsExactlyInAnyOrder("msg-a8", "msg-a3");
    }
}
