package com.connekz.pipeline.govern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.upper;

import com.connekz.pipeline.config.HashKey;
import com.connekz.pipeline.config.PipelineConfig;
import com.connekz.pipeline.ingest.Source;
import com.connekz.pipeline.lake.DeltaTables;
import com.connekz.pipeline.lake.Lake;
import com.connekz.pipeline.run.RunContext;
import com.connekz.pipeline.run.SourceCounts;
import com.connekz.pipeline.run.StageResult;
import com.connekz.pipeline.testing.SharedSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GovernStageTest {
    static final Instant BUILD = Instant.parse("2026-11-25T00:00:00Z");

    @TempDir
    Path root;

    final SparkSession spark = SharedSpark.session();

    Lake lake() {
        return new Lake(root.toString());
    }

    RunContext run(String runId) {
        return run(runId, BUILD);
    }

    RunContext run(String runId, Instant asOf) {
        PipelineConfig config = com.connekz.pipeline.testing.TestRuns.config(root.toString(), root.toString());
        return new RunContext(spark, config, new HashKey(new byte[32], true), runId, "govern",
                LocalDate.parse("2026-11-25"), asOf);
    }

    /** When ingestion appended the rows of a later night. */
    static final Instant NEXT_NIGHT = Instant.parse("2026-11-24T12:00:00Z");

    /** Writes bronze as given; an append stands for a later night's ingestion, which stamps its rows later. */
    void save(Dataset<Row> rows, Source source, String mode) {
        Dataset<Row> written = mode.equals("append")
                ? rows.withColumn("_ingested_at", lit(java.sql.Timestamp.from(NEXT_NIGHT)))
                : rows;
        written.write().format("delta").mode(mode).save(lake().bronze(source));
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    void landTheFirstNight() {
        BronzeRows accounts = BronzeRows.of(Source.ACCOUNTS);
        for (String user : List.of("alice", "bob", "dev")) {
            accounts.add("user_id", user, "created_at", at("2020-01-01T00:00:00Z"), "date_of_birth", LocalDate.parse("1990-05-05"));
        }
        accounts.add("user_id", "kid", "created_at", at("2020-01-01T00:00:00Z"), "date_of_birth", LocalDate.parse("2015-05-05"));
        save(accounts.frame(), Source.ACCOUNTS, "overwrite");

        BronzeRows consent = BronzeRows.of(Source.CONSENT);
        for (String user : List.of("alice", "bob", "kid", "dev")) {
            consent.add("event_id", "mt-" + user, "user_id", user, "purpose", "model_training", "granted", true,
                    "effective_at", at("2026-01-01T00:00:00Z"));
        }
        consent.add("event_id", "it-dev", "user_id", "dev", "purpose", "instance_training", "granted", true,
                "effective_at", at("2026-01-01T00:00:00Z"));
        save(consent.frame(), Source.CONSENT, "overwrite");

        BronzeRows chats = BronzeRows.of(Source.CHATS);
        int n = 0;
        for (String user : List.of("alice", "alice", "bob", "kid", "stranger", "dev")) {
            chats.add("message_id", "m" + n++, "conversation_id", "c-" + user, "user_id", user, "role", "user",
                    "text", "my secret plans for tuesday", "created_at", at("2026-03-01T00:00:00Z"));
        }
        save(chats.frame(), Source.CHATS, "overwrite");

        BronzeRows api = BronzeRows.of(Source.API)
                .add("request_id", "r1", "instance_id", "i-1", "developer_id", "dev", "prompt", "p", "output", "o",
                        "created_at", at("2026-03-01T00:00:00Z"));
        save(api.frame(), Source.API, "overwrite");
    }

    Dataset<Row> silver(Source source) {
        return spark.read().format("delta").load(lake().silver(source));
    }

    @Test
    void writesOnlyUsedRecordsAndCountsEveryBronzeRecordOnce() {
        landTheFirstNight();
        StageResult result = new GovernStage().run(run("run-1"));

        SourceCounts chats = result.sources().get("chats");
        assertThat(chats.used()).isEqualTo(4);
        assertThat(chats.excludedByReason()).isEqualTo(Map.of("minor", 1L, "no_account", 1L));
        assertThat(chats.used() + chats.excluded()).isEqualTo(spark.read().format("delta").load(lake().bronze(Source.CHATS)).count());
        assertThat(result.sources().get("api").used()).isEqualTo(1);
        assertThat(result.sources()).doesNotContainKeys("memories", "calls");

        Dataset<Row> silverChats = silver(Source.CHATS);
        assertThat(silverChats.count()).isEqualTo(4);
        assertThat(silverChats.columns()).contains("tenant", "subject_id", "consent_event_ids", "_govern_run_id", "text")
                .doesNotContain("exclusion_reason");
        assertThat(silver(Source.API).select("tenant").as(org.apache.spark.sql.Encoders.STRING()).collectAsList())
                .containsExactly("instance:i-1");
        assertThat(Files.exists(Path.of(lake().silver(Source.MEMORIES)))).isFalse();

        assertThat(result.inputs()).containsKeys("bronze/consent", "bronze/accounts", "bronze/chats", "bronze/api");
        assertThat(result.outputs()).containsKeys("silver/chats", "silver/api");
    }

    @Test
    void aWithdrawalRemovesTheUsersRecordsFromSilverAndLeavesOthersUntouched() {
        landTheFirstNight();
        new GovernStage().run(run("run-1"));

        save(BronzeRows.of(Source.CONSENT).add("event_id", "w-alice", "user_id", "alice", "purpose", "model_training",
                "granted", false, "effective_at", at("2026-06-01T00:00:00Z")).frame(), Source.CONSENT, "append");
        StageResult second = new GovernStage().run(run("run-2"));

        assertThat(second.metrics()).containsEntry("decided_again.chats.withdrawn", 2L).containsEntry("decided_whole.chats", 0L);
        assertThat(second.sources().get("chats")).isEqualTo(SourceCounts.governed(0, Map.of()));
        assertThat(second.inputs()).containsEntry("bronze/consent", 1L);
        assertThat(second.metrics()).containsEntry("silver.chats.removed", 2L).containsEntry("silver.chats.updated", 0L);
        List<Row> left = silver(Source.CHATS).select("subject_id", "_govern_run_id").collectAsList();
        assertThat(left).extracting(r -> r.getString(0)).containsExactlyInAnyOrder("bob", "dev");
        assertThat(left).extracting(r -> r.getString(1)).containsOnly("run-1");
    }

    @Test
    void theRedactionHookSeesOnlyUsedRecordsThatAreNewOrChanged() {
        landTheFirstNight();
        RedactionHook shouting = (source, records) -> source == Source.CHATS
                ? records.withColumn("text", upper(col("text"))).withColumn("redacted_in", lit("hook"))
                : records;
        new GovernStage(shouting).run(run("run-1"));
        assertThat(silver(Source.CHATS).select("text").distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList())
                .containsExactly("MY SECRET PLANS FOR TUESDAY");

        save(BronzeRows.of(Source.CHATS).add("message_id", "m-new", "conversation_id", "c", "user_id", "bob", "role", "user",
                "text", "new words", "created_at", at("2026-04-01T00:00:00Z")).frame(), Source.CHATS, "append");
        StageResult second = new GovernStage(shouting).run(run("run-2"));

        assertThat(second.metrics()).containsEntry("silver.chats.inserted", 1L).containsEntry("silver.chats.updated", 0L);
        assertThat(silver(Source.CHATS).filter("message_id = 'm-new'").select("text", "_govern_run_id").first().toSeq().toList().mkString(","))
                .isEqualTo("NEW WORDS,run-2");
    }

    @Test
    void aNewMessageInAConversationSendsTheWholeConversationToRedactionAgain() {
        landTheFirstNight();
        RedactionHook shouting = (source, records) -> source == Source.CHATS
                ? records.withColumn("text", upper(col("text")))
                : records;
        new GovernStage(shouting).run(run("run-1"));

        save(BronzeRows.of(Source.CHATS).add("message_id", "m-late", "conversation_id", "c-alice", "user_id", "alice", "role", "user",
                "text", "one more thing", "created_at", at("2026-04-01T00:00:00Z")).frame(), Source.CHATS, "append");
        StageResult second = new GovernStage(shouting).run(run("run-2"));

        assertThat(second.metrics()).containsEntry("silver.chats.inserted", 1L).containsEntry("silver.chats.updated", 2L);
        List<Row> rows = silver(Source.CHATS).select("conversation_id", "_govern_run_id").collectAsList();
        assertThat(rows).filteredOn(r -> r.getString(0).equals("c-alice")).extracting(r -> r.getString(1)).containsOnly("run-2").hasSize(3);
        assertThat(rows).filteredOn(r -> !r.getString(0).equals("c-alice")).extracting(r -> r.getString(1)).containsOnly("run-1");
    }

    @Test
    void aConversationRedactionDropsForItsNewMessageLeavesSilverWhole() {
        landTheFirstNight();
        RedactionHook droppingHealthTalk = (source, records) -> source == Source.CHATS
                ? records.join(records.filter(col("text").contains("NHI")).select(col("conversation_id").as("dropped")).distinct(),
                        col("conversation_id").equalTo(col("dropped")), "left_anti")
                : records;
        new GovernStage(droppingHealthTalk).run(run("run-1"));
        assertThat(silver(Source.CHATS).filter("conversation_id = 'c-alice'").count()).isEqualTo(2);

        save(BronzeRows.of(Source.CHATS).add("message_id", "m-nhi", "conversation_id", "c-alice", "user_id", "alice", "role", "user",
                "text", "my NHI is ZZZ0016", "created_at", at("2026-04-01T00:00:00Z")).frame(), Source.CHATS, "append");
        StageResult second = new GovernStage(droppingHealthTalk).run(run("run-2"));

        assertThat(second.metrics()).containsEntry("silver.chats.removed", 2L).containsEntry("silver.chats.inserted", 0L);
        assertThat(silver(Source.CHATS).filter("conversation_id = 'c-alice'").count()).isZero();
        assertThat(silver(Source.CHATS).count()).isEqualTo(2);
    }

    @Test
    void aSecondRunOverUnchangedInputsDecidesNothingAndCommitsNothing() {
        landTheFirstNight();
        StageResult first = new GovernStage().run(run("run-1"));
        StageResult second = new GovernStage().run(run("run-2"));

        assertThat(first.metrics()).containsEntry("decided_whole.chats", 1L).containsEntry("decided_nothing.chats", 0L);
        assertThat(second.metrics()).containsEntry("decided_whole.chats", 0L).containsEntry("decided_again.chats.used", 0L)
                .containsEntry("decided_nothing.chats", 1L).containsEntry("decided_nothing.api", 1L);
        assertThat(second.sources().get("chats")).isEqualTo(SourceCounts.governed(0, Map.of()));
        assertThat(second.outputs()).isEqualTo(first.outputs());
        assertThat(second.metrics()).containsEntry("silver.chats.inserted", 0L).containsEntry("silver.chats.updated", 0L)
                .containsEntry("silver.chats.removed", 0L);
        assertThat(silver(Source.CHATS).select("_govern_run_id").distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList())
                .containsExactly("run-1");
    }

    @Test
    void aBronzeDeleteSinceTheMarkAddsNothingToDecideButAnAppendDoes() {
        landTheFirstNight();
        new GovernStage().run(run("run-1"));
        io.delta.tables.DeltaTable.forPath(spark, lake().bronze(Source.CHATS)).delete("message_id = 'm5'");
        StageResult afterDelete = new GovernStage().run(run("run-2"));
        save(BronzeRows.of(Source.CHATS).add("message_id", "m-bob-2", "conversation_id", "c-bob-2", "user_id", "bob", "role", "user",
                "text", "hello again", "created_at", at("2026-04-01T00:00:00Z")).frame(), Source.CHATS, "append");
        StageResult afterAppend = new GovernStage().run(run("run-3"));

        assertThat(afterDelete.metrics()).containsEntry("decided_nothing.chats", 1L);
        assertThat(afterAppend.metrics()).containsEntry("decided_nothing.chats", 0L).containsEntry("silver.chats.inserted", 1L);
        assertThat(afterAppend.sources().get("chats")).isEqualTo(SourceCounts.governed(1, Map.of()));
    }

    @Test
    void aNewNightDecidesItsOwnRecordsAndThoseOfUsersWhoseConsentChangedAndNoOthers() {
        landTheFirstNight();
        new GovernStage().run(run("run-1"));

        save(BronzeRows.of(Source.CHATS).add("message_id", "m-bob-2", "conversation_id", "c-bob-2", "user_id", "bob", "role", "user",
                "text", "hello again", "created_at", at("2026-04-01T00:00:00Z")).frame(), Source.CHATS, "append");
        save(BronzeRows.of(Source.CONSENT).add("event_id", "w-alice", "user_id", "alice", "purpose", "model_training",
                "granted", false, "effective_at", at("2026-06-01T00:00:00Z")).frame(), Source.CONSENT, "append");
        StageResult second = new GovernStage().run(run("run-2"));

        // Bob's new chat is this night's only new record; Alice's two are decided again; the minor's,
        // the stranger's, the developer's and Bob's first chat are not decided at all.
        assertThat(second.sources().get("chats")).isEqualTo(SourceCounts.governed(1, Map.of()));
        assertThat(second.metrics()).containsEntry("decided_whole.chats", 0L).containsEntry("decided_again.chats.used", 0L)
                .containsEntry("decided_again.chats.withdrawn", 2L).doesNotContainKey("decided_again.chats.minor");
        assertThat(second.metrics()).containsEntry("silver.chats.inserted", 1L).containsEntry("silver.chats.removed", 2L);
        assertThat(second.sources().get("api")).isEqualTo(SourceCounts.governed(0, Map.of()));
        assertThat(second.metrics()).as("a consent changed: some user's records may change in every source")
                .containsEntry("decided_nothing.chats", 0L).containsEntry("decided_nothing.api", 0L);
        assertThat(silver(Source.CHATS).select("message_id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList())
                .containsExactlyInAnyOrder("m2", "m5", "m-bob-2");
    }

    @Test
    void aNightThatOnlyAddsRecordsAppendsThemAndOneThatAlsoRemovesMergesTheRemovalsFirst() {
        landTheFirstNight();
        new GovernStage().run(run("run-1"));
        int first = DeltaTables.commits(spark, lake().silver(Source.CHATS)).size();

        save(BronzeRows.of(Source.CHATS).add("message_id", "m-bob-2", "conversation_id", "c-bob-2", "user_id", "bob", "role", "user",
                "text", "hello again", "created_at", at("2026-04-01T00:00:00Z")).frame(), Source.CHATS, "append");
        StageResult second = new GovernStage().run(run("run-2"));
        assertThat(second.metrics()).containsEntry("silver.chats.inserted", 1L).containsEntry("silver.chats.removed", 0L);
        assertThat(operationsAfter(Source.CHATS, first)).as("new records only: no MERGE reads all of silver")
                .containsExactly("WRITE");

        Dataset<Row> laterNight = BronzeRows.of(Source.CHATS).add("message_id", "m-bob-3", "conversation_id", "c-bob-3",
                "user_id", "bob", "role", "user", "text", "and again", "created_at", at("2026-04-02T00:00:00Z")).frame()
                .withColumn("_ingested_at", lit(java.sql.Timestamp.from(NEXT_NIGHT.plusSeconds(3600))));
        laterNight.write().format("delta").mode("append").save(lake().bronze(Source.CHATS));
        save(BronzeRows.of(Source.CONSENT).add("event_id", "w-alice", "user_id", "alice", "purpose", "model_training",
                "granted", false, "effective_at", at("2026-06-01T00:00:00Z")).frame(), Source.CONSENT, "append");
        StageResult third = new GovernStage().run(run("run-3"));
        assertThat(third.metrics()).containsEntry("silver.chats.inserted", 1L).containsEntry("silver.chats.removed", 2L);
        assertThat(operationsAfter(Source.CHATS, first + 1)).as("removals leave silver before new records enter it")
                .containsExactly("MERGE", "WRITE");
        assertThat(third.outputs()).containsEntry("silver/chats", (long) first + 2);
        assertThat(silver(Source.CHATS).select("message_id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList())
                .containsExactlyInAnyOrder("m2", "m5", "m-bob-2", "m-bob-3");
    }

    /** The operations of the silver commits after the first {@code skipped}, oldest first. */
    List<String> operationsAfter(Source source, int skipped) {
        return DeltaTables.commits(spark, lake().silver(source)).stream()
                .sorted(java.util.Comparator.comparingLong(DeltaTables.Commit::version))
                .skip(skipped).map(DeltaTables.Commit::operation).toList();
    }

    @Test
    void aWithdrawalIngestedEarlierTakesEffectOnTheRunAfterItsInstant() {
        landTheFirstNight();
        // Landed the first night, with an instant after that night's run.
        BronzeRows.of(Source.CONSENT).add("event_id", "w-bob", "user_id", "bob", "purpose", "model_training",
                "granted", false, "effective_at", at("2026-12-01T00:00:00Z")).frame()
                .write().format("delta").mode("append").save(lake().bronze(Source.CONSENT));
        new GovernStage().run(run("run-1"));
        assertThat(silver(Source.CHATS).filter("subject_id = 'bob'").count()).isEqualTo(1);

        StageResult second = new GovernStage().run(run("run-2", at("2026-12-02T00:00:00Z")));

        assertThat(second.metrics()).containsEntry("decided_whole.chats", 0L).containsEntry("decided_again.chats.withdrawn", 1L)
                .as("nothing was ingested, but a withdrawal took effect").containsEntry("decided_nothing.chats", 0L);
        assertThat(silver(Source.CHATS).filter("subject_id = 'bob'").count()).isZero();
    }

    @Test
    void aSilverTableGoneSinceTheMarkIsRebuiltFromEveryRecord() {
        landTheFirstNight();
        new GovernStage().run(run("run-1"));
        org.apache.hadoop.fs.FileUtil.fullyDelete(new java.io.File(lake().silver(Source.CHATS)));

        StageResult second = new GovernStage().run(run("run-2"));

        assertThat(second.metrics()).containsEntry("decided_whole.chats", 1L).containsEntry("decided_whole.api", 0L);
        assertThat(silver(Source.CHATS).count()).isEqualTo(4);
    }

    @Test
    void aMarkOfOtherRulesMakesTheNextRunDecideEverything() {
        landTheFirstNight();
        new GovernStage().run(run("run-1"));
        GovernMarks marks = new GovernMarks(spark, lake().system(GovernMarks.FOLDER));
        GovernMarks.Mark last = marks.latest().get("chats");
        marks.record(new GovernMarks.Mark("chats", "run-other-rules", last.asOf().plusSeconds(1), Governance.RULES_VERSION + 1,
                last.bronze(), last.consent(), last.accounts(), last.redactionPolicy()));

        StageResult second = new GovernStage().run(run("run-2", BUILD.plusSeconds(2)));

        assertThat(second.metrics()).containsEntry("decided_whole.chats", 1L).containsEntry("decided_whole.api", 0L);
        assertThat(second.metrics()).containsEntry("silver.chats.inserted", 0L).containsEntry("silver.chats.removed", 0L);
    }

    /** Redacts chats by prefixing their text with the policy version, and names that version. */
    static RedactionHook chatsRedactedUnder(String version) {
        return new RedactionHook() {
            @Override
            public Dataset<Row> redact(Source source, Dataset<Row> used) {
                return source != Source.CHATS ? used
                        : used.withColumn("text", org.apache.spark.sql.functions.concat(lit(version + ": "), col("text")))
                                .withColumn(RedactionHook.POLICY_VERSION, lit(version));
            }

            @Override
            public java.util.Optional<String> policyVersion(Source source) {
                return source == Source.CHATS ? java.util.Optional.of(version) : java.util.Optional.empty();
            }
        };
    }

    @Test
    void aNewRedactionPolicyRedactsEverySilverRowAgainAndTheSamePolicyNothing() {
        landTheFirstNight();
        new GovernStage(chatsRedactedUnder("v1")).run(run("run-1"));
        String[] columns = silver(Source.CHATS).columns();

        StageResult same = new GovernStage(chatsRedactedUnder("v1")).run(run("run-2"));
        StageResult newer = new GovernStage(chatsRedactedUnder("v2")).run(run("run-3"));

        assertThat(same.metrics()).containsEntry("decided_whole.chats", 0L).containsEntry("silver.chats.updated", 0L);
        assertThat(newer.metrics()).containsEntry("decided_whole.chats", 1L).containsEntry("decided_whole.api", 0L)
                .containsEntry("silver.chats.updated", 4L).containsEntry("silver.chats.inserted", 0L);
        assertThat(silver(Source.CHATS).select("text", RedactionHook.POLICY_VERSION).distinct().collectAsList())
                .extracting(Row::mkString).containsExactly("v2: my secret plans for tuesdayv2");
        assertThat(silver(Source.CHATS).columns()).containsExactly(columns);
    }

    @Test
    void silverWrittenUnredactedGainsThePolicyColumnOnceRedactionArrives() {
        landTheFirstNight();
        new GovernStage().run(run("run-1"));

        StageResult redacted = new GovernStage(chatsRedactedUnder("v1")).run(run("run-2"));
        StageResult again = new GovernStage(chatsRedactedUnder("v1")).run(run("run-3"));

        assertThat(redacted.metrics()).containsEntry("decided_whole.chats", 1L).containsEntry("silver.chats.updated", 4L);
        assertThat(silver(Source.CHATS).select(RedactionHook.POLICY_VERSION).distinct().collectAsList())
                .extracting(Row::mkString).containsExactly("v1");
        assertThat(again.metrics()).containsEntry("decided_whole.chats", 0L).containsEntry("silver.chats.updated", 0L);
    }

    @Test
    void aRecordWhoseContentChangedIsRewrittenAndOneGoneFromBronzeIsRemoved() {
        landTheFirstNight();
        new GovernStage().run(run("run-1"));

        Dataset<Row> bronze = spark.read().format("delta").load(lake().bronze(Source.CHATS));
        Dataset<Row> edited = bronze.filter("message_id <> 'm1'")
                .withColumn("text", org.apache.spark.sql.functions.when(col("message_id").equalTo("m0"), lit("edited words")).otherwise(col("text")))
                .withColumn("_content_hash", org.apache.spark.sql.functions.when(col("message_id").equalTo("m0"), lit("hash-edited")).otherwise(col("_content_hash")));
        save(edited.localCheckpoint(), Source.CHATS, "overwrite");
        StageResult second = new GovernStage().run(run("run-2"));

        assertThat(second.metrics()).containsEntry("silver.chats.updated", 1L).containsEntry("silver.chats.removed", 1L)
                .containsEntry("silver.chats.inserted", 0L);
        // An overwrite can change any row without a later ingestion stamp: every record is decided again.
        assertThat(second.metrics()).containsEntry("decided_whole.chats", 1L).containsEntry("decided_again.chats.used", 3L);
        assertThat(silver(Source.CHATS).filter("message_id = 'm0'").select("text", "_govern_run_id").first().toSeq().toList().mkString(","))
                .isEqualTo("edited words,run-2");
        assertThat(silver(Source.CHATS).filter("message_id = 'm1'").count()).isZero();
    }

    @Test
    void aRecordWhoseNewContentRedactionKeepsOutLeavesSilverOldContentAndAll() {
        landTheFirstNight();
        RedactionHook keepingOutHealthNumbers = (source, records) -> source == Source.CHATS
                ? records.filter(not(col("text").contains("NHI")))
                : records;
        new GovernStage(keepingOutHealthNumbers).run(run("run-1"));
        assertThat(silver(Source.CHATS).filter("message_id = 'm0'").count()).isEqualTo(1);

        Dataset<Row> bronze = spark.read().format("delta").load(lake().bronze(Source.CHATS));
        Dataset<Row> edited = bronze
                .withColumn("text", org.apache.spark.sql.functions.when(col("message_id").equalTo("m0"), lit("my NHI is ZZZ0016")).otherwise(col("text")))
                .withColumn("_content_hash", org.apache.spark.sql.functions.when(col("message_id").equalTo("m0"), lit("hash-edited")).otherwise(col("_content_hash")));
        save(edited.localCheckpoint(), Source.CHATS, "overwrite");
        StageResult second = new GovernStage(keepingOutHealthNumbers).run(run("run-2"));

        assertThat(second.metrics()).containsEntry("silver.chats.removed", 1L).containsEntry("silver.chats.updated", 1L);
        assertThat(silver(Source.CHATS).filter("message_id = 'm0'").count()).isZero();
        assertThat(silver(Source.CHATS).filter("message_id = 'm1'").select("_govern_run_id").first().getString(0)).isEqualTo("run-2");
        assertThat(silver(Source.CHATS).count()).isEqualTo(3);
    }

    @Test
    void aChangeOnlyInConsentLineageIsMergedWithTheNewLineage() {
        landTheFirstNight();
        new GovernStage().run(run("run-1"));

        // Alice confirms her grant: her records stay used, same content and tenant, new lineage.
        save(BronzeRows.of(Source.CONSENT).add("event_id", "mt-alice-again", "user_id", "alice", "purpose", "model_training",
                "granted", true, "effective_at", at("2026-06-01T00:00:00Z")).frame(), Source.CONSENT, "append");
        StageResult second = new GovernStage().run(run("run-2"));

        assertThat(second.metrics()).containsEntry("silver.chats.updated", 2L).containsEntry("silver.chats.inserted", 0L)
                .containsEntry("silver.chats.removed", 0L);
        List<Row> alice = silver(Source.CHATS).filter("subject_id = 'alice'").select("consent_event_ids", "_govern_run_id").collectAsList();
        assertThat(alice).hasSize(2).allSatisfy(row -> {
            assertThat(row.getList(0)).containsExactly("mt-alice", "mt-alice-again");
            assertThat(row.getString(1)).isEqualTo("run-2");
        });
        assertThat(silver(Source.CHATS).filter("subject_id <> 'alice'").select("_govern_run_id").distinct()
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList()).containsExactly("run-1");
    }

    @Test
    void aChangeOnlyInTenantIsMerged() {
        landTheFirstNight();
        new GovernStage().run(run("run-1"));

        // The same content hash, another instance: only the tenant the fingerprint covers differs.
        Dataset<Row> moved = spark.read().format("delta").load(lake().bronze(Source.API)).withColumn("instance_id", lit("i-2"));
        save(moved.localCheckpoint(), Source.API, "overwrite");
        StageResult second = new GovernStage().run(run("run-2"));

        assertThat(second.metrics()).containsEntry("silver.api.updated", 1L);
        assertThat(silver(Source.API).select("tenant").as(org.apache.spark.sql.Encoders.STRING()).collectAsList())
                .containsExactly("instance:i-2");
    }

    @Test
    void silverKeepsItsSchemaAndHoldsNoFingerprint() {
        landTheFirstNight();
        new GovernStage().run(run("run-1"));
        List<String> created = List.of(silver(Source.CHATS).columns());

        save(BronzeRows.of(Source.CONSENT).add("event_id", "w-bob", "user_id", "bob", "purpose", "model_training",
                "granted", false, "effective_at", at("2026-06-01T00:00:00Z")).frame(), Source.CONSENT, "append");
        new GovernStage().run(run("run-2"));

        assertThat(silver(Source.CHATS).columns()).containsExactlyElementsOf(created)
                .noneMatch(column -> column.contains("fingerprint"));
        assertThat(silver(Source.CHATS).filter("subject_id = 'bob'").count()).isZero();
    }

    @Test
    void aFirstRunCreatesSilverWithItsRowsInOneCommitAndItsProperties() {
        landTheFirstNight();
        StageResult result = new GovernStage().run(run("run-1"));

        io.delta.tables.DeltaTable silver = io.delta.tables.DeltaTable.forPath(spark, lake().silver(Source.CHATS));
        assertThat(silver.history().select("version").as(org.apache.spark.sql.Encoders.LONG()).collectAsList()).containsExactly(0L);
        assertThat(result.outputs()).containsEntry("silver/chats", 0L);
        assertThat(result.metrics()).containsEntry("silver.chats.inserted", 4L);
        Row detail = silver.detail().first();
        assertThat(detail.<String, String>getJavaMap(detail.fieldIndex("properties"))).containsEntry("delta.enableDeletionVectors", "true")
                .containsEntry("delta.dataSkippingStatsColumns", "created_at,_ingested_at,_line");
    }

    @Test
    void silverTransactionLogKeepsNoStatisticsOfTextOrIds() throws IOException {
        landTheFirstNight();
        new GovernStage().run(run("run-1"));

        StringBuilder log = new StringBuilder();
        try (Stream<Path> files = Files.list(Path.of(lake().silver(Source.CHATS), "_delta_log"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                log.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        assertThat(log).contains("numRecords").contains("minValues").doesNotContain("my secret").doesNotContain("alice");
    }
}
