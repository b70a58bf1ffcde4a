package com.connekz.pipeline.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.connekz.pipeline.datasets.Publications;
import com.connekz.pipeline.ingest.Source;
import com.connekz.pipeline.run.RunContext;
import com.connekz.pipeline.run.StageResult;
import com.connekz.pipeline.testing.SharedSpark;
import com.connekz.pipeline.testing.TestLake;
import com.connekz.pipeline.testing.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditStageTest {
    private static final StructType GOLD = new StructType()
            .add("example_id", DataTypes.StringType)
            .add("kind", DataTypes.StringType)
            .add("tenant", DataTypes.StringType)
            .add("source_record_keys", DataTypes.createArrayType(DataTypes.StringType))
            .add("subject_hash", DataTypes.StringType)
            .add("created_at", DataTypes.TimestampType);
    private static final String USER = "u-dana-1";
    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void publishesEveryGoldTableWhoseAuditsPassWithAManifest() throws Exception {
        RunContext context = context();
        new TestLake(context.spark(), dir.resolve("lake")).bronze(Source.CONSENT, List.of(
                consent("ev-1", "model_training"), consent("ev-2", "instance_training")));
        gold(context, "assistant", "assistant", "chat", "k1");
        gold(context, "instances/a", "instance:a", "api", "k2");

        StageResult result = new AuditStage().run(context);

        Publications publications = new Publications(context.spark(), context.lake().system("publications"));
        assertThat(result.metrics()).containsEntry("published_versions", 2L);
        assertThat(publications.latest("assistant")).hasValue(0);
        assertThat(publications.latest("instances/a")).hasValue(0);
        assertThat(Path.of(Publications.manifest(context.lake(), "instances/a", 0))).exists();
    }

    @Test
    void aLaterGateReadsOnlyTheVersionsCommittedSince() {
        RunContext context = context();
        new TestLake(context.spark(), dir.resolve("lake")).bronze(Source.CONSENT, List.of(
                consent("ev-1", "model_training"), consent("ev-2", "instance_training")));
        gold(context, "assistant", "assistant", "chat", "k1");
        gold(context, "instances/a", "instance:a", "api", "k2");
        new AuditStage().run(context);
        gold(context, "instances/c", "instance:c", "api", "k4");

        StageResult later = new AuditStage().run(context);

        assertThat(later.metrics()).containsEntry("versions_checked", 1L).containsEntry("versions_already_checked", 2L);
    }

    @Test
    void theGateBlocksAPlantedIsolationViolationAndPublishesNothing() {
        RunContext context = context();
        gold(context, "instances/b", "instance:a", "api", "k3");

        assertThatThrownBy(() -> new AuditStage().run(context))
                .isInstanceOf(AuditFailure.class)
                .hasMessageContaining("gold/instances/b")
                .hasMessageContaining("instance:a")
                .hasMessageNotContaining("k3");
        Publications publications = new Publications(context.spark(), context.lake().system("publications"));
        assertThat(publications.latest("instances/b")).isEmpty();
        assertThat(Files.exists(Path.of(context.lake().system("publications")))).isFalse();
    }

    private RunContext context() {
        return TestRuns.context(dir.resolve("landing").toString(), dir.resolve("lake").toString(), "nightly");
    }

    private static java.util.Map<String, Object> consent(String id, String purpose) {
        return TestLake.record("event_id", id, "user_id", USER, "purpose", purpose, "granted", true,
                "effective_at", AT.minusSeconds(86_400));
    }

    private static void gold(RunContext context, String dataset, String tenant, String kind, String key) {
        SharedSpark.session().createDataFrame(List.of(RowFactory.create("e-" + key, kind, tenant,
                        scala.jdk.javaapi.CollectionConverters.asScala(List.of(key)).toSeq(),
                        context.keyedHash().of(USER), Timestamp.from(AT))), GOLD)
                .write().format("delta").save(context.lake().gold(dataset));
    }
}
