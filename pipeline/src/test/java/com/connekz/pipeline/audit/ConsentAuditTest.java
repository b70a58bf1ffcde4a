package com.connekz.pipeline.audit;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.connekz.pipeline.datasets.GoldSchema;
import com.connekz.pipeline.datasets.Publications;
import com.connekz.pipeline.datasets.RecordKeys;
import com.connekz.pipeline.ingest.Source;
import com.connekz.pipeline.run.RunContext;
import com.connekz.pipeline.testing.TestLake;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsentAuditTest {
    @TempDir
    Path dir;

    @Test
    void aBuiltVersionPassesWithEveryExampleConsented() {
        RunContext context = AuditedLake.copy(dir, "audit consent");
        ConsentAudit audit = new ConsentAudit(context.spark(), context.lake(), context.keyedHash());

        ConsentVerdict assistant = audit.audit("assistant", Optional.empty());
        ConsentVerdict instance = audit.audit("instances/" + AuditedLake.INSTANCE, Optional.empty());

        // Alice's conversation, memory and call, and Bob's conversation; Carol withdrew before the build.
        assertThat(assistant.passed()).isTrue();
        assertThat(assistant.examplesChecked()).isEqualTo(4);
        assertThat(assistant.examplesConsented()).isEqualTo(4);
        assertThat(assistant.basis().buildRunId()).isEqualTo(AuditedLake.buildRunId());
        assertThat(assistant.basis().consentVersionAtBuild()).isNotNull();
        assertThat(instance.passed()).isTrue();
        assertThat(instance.examplesChecked()).isEqualTo(1);
    }

    @Test
    void aPlantedExampleOfAUserWhoWithdrewIsCaughtAndTheGateRefusesToPublish() {
        RunContext context = AuditedLake.copy(dir, "nightly");
        String gold = context.lake().gold("assistant");
        String carol = RecordKeys.subject(context.keyedHash(), AuditedLake.CAROL);
        context.spark().read().format("delta").load(gold)
                .filter(col(GoldSchema.KIND).equalTo("chat")).limit(1)
                .withColumn(GoldSchema.EXAMPLE_ID, lit("planted-example"))
                .withColumn(GoldSchema.SUBJECT_HASH, lit(carol))
                .write().format("delta").mode("append").save(gold);

        ConsentVerdict verdict = new ConsentAudit(context.spark(), context.lake(), context.keyedHash())
                .audit("assistant", Optional.empty());

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.examplesChecked()).isEqualTo(5);
        assertThat(verdict.failedByReason()).containsEntry(ConsentVerdict.WITHDRAWN_BEFORE_BUILD, 1L)
                .containsEntry(ConsentVerdict.NO_CONSENT_AT_TIME, 0L);
        assertThatThrownBy(() -> new AuditStage().run(context))
                .isInstanceOf(AuditFailure.class)
                .hasMessageContaining("consent audit failed")
                .hasMessageContaining("gold/assistant")
                .hasMessageNotContaining(AuditedLake.CAROL)
                .hasMessageNotContaining(carol);
        Publications publications = new Publications(context.spark(), context.lake().system("publications"));
        assertThat(publications.latest("assistant")).isEmpty();
        assertThat(publications.latest("instances/" + AuditedLake.INSTANCE)).isEmpty();
    }

    @Test
    void aVersionWithoutTheColumnsConsentIsJudgedByIsUnverifiableWhetherScannedOrReadThroughDelta() {
        RunContext context = AuditedLake.copy(dir, "audit consent");
        Dataset<Row> withoutSubjects = context.spark().range(3)
                .selectExpr("concat('e', id) AS example_id", "'chat' AS kind", "'train' AS split");
        withoutSubjects.write().format("delta").save(context.lake().gold("instances/plain"));
        // A partitioned table is one the one-scan read refuses: it is read through Delta.
        withoutSubjects.write().format("delta").partitionBy("split").save(context.lake().gold("instances/partitioned"));
        ConsentAudit audit = new ConsentAudit(context.spark(), context.lake(), context.keyedHash());

        for (String dataset : List.of("instances/plain", "instances/partitioned")) {
            ConsentVerdict verdict = audit.audit(dataset, Optional.of(0L));
            assertThat(verdict.passed()).as(dataset).isFalse();
            assertThat(verdict.failedByReason()).as(dataset).containsEntry(ConsentVerdict.UNVERIFIABLE, 3L);
        }
    }

    @Test
    void anExampleWithoutConsentAtItsTimeFails() {
        RunContext context = AuditedLake.copy(dir, "audit consent");
        String gold = context.lake().gold("instances/" + AuditedLake.INSTANCE);
        // Bob never granted instance_training: an API example of his cannot be consented.
        context.spark().read().format("delta").load(gold)
                .withColumn(GoldSchema.EXAMPLE_ID, lit("planted-api"))
                .withColumn(GoldSchema.SUBJECT_HASH, lit(RecordKeys.subject(context.keyedHash(), AuditedLake.BOB)))
                .write().format("delta").mode("append").save(gold);

        ConsentVerdict verdict = new ConsentAudit(context.spark(), context.lake(), context.keyedHash())
                .audit("instances/" + AuditedLake.INSTANCE, Optional.empty());

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.failedByReason()).containsEntry(ConsentVerdict.NO_CONSENT_AT_TIME, 1L);
    }

    @Test
    void aWithdrawalAfterTheBuildIsReportedWithoutFailingTheVersion() {
        RunContext context = AuditedLake.copy(dir, "audit consent");
        new TestLake(context.spark(), dir.resolve("lake")).bronze(Source.CONSENT, List.of(TestLake.record(
                "event_id", "ev-9", "user_id", AuditedLake.BOB, "purpose", "model_training", "granted", false,
                "effective_at", Instant.parse("2026-11-24T00:00:00Z"))));

        ConsentVerdict verdict = new ConsentAudit(context.spark(), context.lake(), context.keyedHash())
                .audit("assistant", Optional.empty());

        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.withdrawnSinceBuild()).isEqualTo(1);
        assertThat(verdict.basis().consentVersionLatest()).isGreaterThan(verdict.basis().consentVersionAtBuild());
    }
}
