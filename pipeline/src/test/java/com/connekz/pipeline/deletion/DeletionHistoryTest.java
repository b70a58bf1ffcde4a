package com.connekz.pipeline.deletion;

import static com.connekz.pipeline.testing.TwoUsers.ALICE;
import static com.connekz.pipeline.testing.TwoUsers.BOB;
import static com.connekz.pipeline.testing.TwoUsers.deletion;
import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.ingest.Source;
import com.connekz.pipeline.testing.SharedSpark;
import com.connekz.pipeline.testing.TestLake;
import com.connekz.pipeline.testing.TwoUsers;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeletionHistoryTest {
    @TempDir
    Path root;

    @Test
    void listsEveryRequestFromRequestToPurgeByKeyedHashesOnly() {
        SparkSession spark = SharedSpark.session();
        TestLake lake = TwoUsers.landedCopy(spark, root, true);
        DeletionHistory history = new DeletionHistory(spark, lake.lake());
        assertThat(history.all()).isEmpty();

        lake.bronze(Source.DELETIONS, List.of(deletion("del-1", ALICE, "memory", TwoUsers.ALICE_MEMORY),
                deletion("del-2", BOB, "conversation", "conv-bob-1")));
        new DeletionStage().run(lake.context("delete", 168));

        List<LedgerEntry> all = history.all();
        assertThat(all).extracting(LedgerEntry::requestHash)
                .containsExactlyInAnyOrder(lake.hash().of("del-1"), lake.hash().of("del-2"));
        assertThat(all).allSatisfy(entry -> {
            assertThat(entry.requestedAt()).isNotNull();
            assertThat(entry.appliedAt()).isNotNull();
            assertThat(entry.purgedAt()).as("a week's retention has not passed").isNull();
            assertThat(entry.deletedRows()).isNotEmpty();
        });
        assertThat(all.toString()).doesNotContain(ALICE).doesNotContain(BOB).doesNotContain("del-1");
    }
}
