package com.connekz.pipeline.datasets;

import static com.connekz.pipeline.testing.TestLake.record;
import static com.connekz.pipeline.testing.TwoUsers.ALICE;
import static com.connekz.pipeline.testing.TwoUsers.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.connekz.pipeline.deletion.DeletionStage;
import com.connekz.pipeline.ingest.Source;
import com.connekz.pipeline.testing.SharedSpark;
import com.connekz.pipeline.testing.TestLake;
import com.connekz.pipeline.testing.TwoUsers;
import io.delta.tables.DeltaTable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionDiffTest {
    @TempDir
    Path root;

    @Test
    void countsAddedRemovedAndChangedExamplesAndSaysWhyEachWasRemoved() {
        SparkSession spark = SharedSpark.session();
        TestLake lake = TwoUsers.landedCopy(spark, root, true);
        Datasets datasets = new Datasets(spark, lake.lake());
        long first = datasets.resolve("assistant", Optional.empty());

        // Alice deletes her memory (erased everywhere), then withdraws; her chats stay in bronze.
        lake.bronze(Source.DELETIONS, List.of(TwoUsers.deletion("del-1", ALICE, "memory", TwoUsers.ALICE_MEMORY)));
        new DeletionStage().run(lake.context("delete", 168));
        lake.bronze(Source.CONSENT, List.of(record("event_id", "ev-alice-2", "user_id", ALICE, "purpose", "model_training",
                "granted", false, "effective_at", TwoUsers.T0.plusSeconds(86400))));
        // Govern's decisions, as silver shows them: Alice's chats and Bob's memory are no longer used,
        // Bob's conversation gains a message and he starts a new one.
        List<Map<String, Object>> bobChats = List.of(
                TwoUsers.chat("msg-b1", "conv-bob-1", BOB, "user", "bob says hi", 3),
                TwoUsers.chat("msg-b2", "conv-bob-1", BOB, "assistant", "hi bob", 4),
                TwoUsers.chat("msg-b3", "conv-bob-1", BOB, "user", "and one more thing", 5),
                TwoUsers.chat("msg-b4", "conv-bob-2", BOB, "user", "a new day", 90));
        lake.replaceSilver(Source.CHATS, bobChats);
        lake.bronze(Source.CHATS, bobChats.subList(2, 4));
        DeltaTable.forPath(spark, lake.lake().silver(Source.MEMORIES)).delete("memory_id = 'mem-bob-1'");
        new BuildStage().run(lake.context("build", 168));

        VersionDiff.Result diff = new VersionDiff(spark, lake.lake(), lake.hash())
                .compare("assistant", first, Optional.empty(), 100);

        assertThat(diff.fromVersion()).isEqualTo(first);
        assertThat(diff.toVersion()).isEqualTo(datasets.resolve("assistant", Optional.empty())).isGreaterThan(first);
        assertThat(diff.added()).isEqualTo(1);
        assertThat(diff.changed()).isEqualTo(1);
        assertThat(diff.removed()).isEqualTo(4);
        assertThat(diff.unchanged()).isEqualTo(1); // Alice's call: silver still holds it
        assertThat(diff.removedByReason()).containsExactlyInAnyOrderEntriesOf(Map.of(
                VersionDiff.DELETION, 1L, VersionDiff.WITHDRAWAL, 2L, VersionDiff.OTHER, 1L));
        assertThat(diff.changes()).extracting(VersionDiff.Change::exampleId, VersionDiff.Change::change, VersionDiff.Change::reason)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(example(lake, "memory", TwoUsers.ALICE_MEMORY), VersionDiff.REMOVED, VersionDiff.DELETION),
                        org.assertj.core.groups.Tuple.tuple(example(lake, "chat", TwoUsers.ALICE_CONVERSATION), VersionDiff.REMOVED, VersionDiff.WITHDRAWAL),
                        org.assertj.core.groups.Tuple.tuple(example(lake, "memory", "mem-bob-1"), VersionDiff.REMOVED, VersionDiff.OTHER),
                        org.assertj.core.groups.Tuple.tuple(example(lake, "chat", "conv-bob-1"), VersionDiff.CHANGED, null),
                        org.assertj.core.groups.Tuple.tuple(example(lake, "chat", "conv-bob-2"), VersionDiff.ADDED, null));
        assertThat(diff.changes().toString()).doesNotContain(ALICE).doesNotContain(BOB);

        VersionDiff.Result listedTwo = new VersionDiff(spark, lake.lake(), lake.hash())
                .compare("assistant", first, Optional.empty(), 2);
        assertThat(listedTwo.changes()).hasSize(2).allMatch(c -> c.change().equals(VersionDiff.REMOVED));
        assertThat(listedTwo.removed()).isEqualTo(4);
        assertThatThrownBy(() -> new VersionDiff(spark, lake.lake(), lake.hash()).compare("assistant", first + 9, Optional.empty(), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String example(TestLake lake, String kind, String key) {
        return lake.hash().of(kind + "/" + key);
    }
}
