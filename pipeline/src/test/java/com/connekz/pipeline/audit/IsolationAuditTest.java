package com.connekz.pipeline.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.lake.Lake;
import com.connekz.pipeline.testing.SharedSpark;
import io.delta.tables.DeltaTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsolationAuditTest {
    static final StructType GOLD = new StructType()
            .add("example_id", DataTypes.StringType)
            .add("kind", DataTypes.StringType)
            .add("tenant", DataTypes.StringType)
            .add("source_record_keys", DataTypes.createArrayType(DataTypes.StringType));

    @TempDir
    Path root;

    final SparkSession spark = SharedSpark.session();

    Lake lake() {
        return new Lake(root.toString());
    }

    /** Writes rows (example id, kind, tenant, one source key each) as a new version of a gold dataset. */
    void write(String dataset, String mode, String... rows) {
        List<Row> list = new ArrayList<>();
        for (int i = 0; i < rows.length; i += 4) {
            list.add(RowFactory.create(rows[i], rows[i + 1], rows[i + 2], List.of(rows[i + 3])));
        }
        spark.createDataFrame(list, GOLD).write().format("delta").mode(mode).save(lake().gold(dataset));
    }

    IsolationVerdict audit() {
        return new IsolationAudit(spark, lake()).run();
    }

    @Test
    void aCleanLakePassesWithEveryTableAndVersionCounted() {
        write("assistant", "append", "e1", "chat", "assistant", "k-chat");
        write("assistant", "append", "e2", "call", "assistant", "k-call");
        write("instances/i-1", "append", "e3", "api", "instance:i-1", "k-r1");
        write("instances/i-2", "append", "e4", "api", "instance:i-2", "k-r2");

        IsolationVerdict verdict = audit();

        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.tablesChecked()).isEqualTo(3);
        assertThat(verdict.versionsChecked()).isEqualTo(4);
        assertThat(verdict.violations()).isEmpty();
    }

    @Test
    void aRowOfAnotherTenantInAnOldVersionIsFound() {
        write("instances/i-2", "append", "e1", "api", "instance:i-2", "k-1");
        write("instances/i-2", "append", "e2", "api", "instance:i-1", "k-2");
        write("instances/i-2", "overwrite", "e1", "api", "instance:i-2", "k-1");

        IsolationVerdict verdict = audit();

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.violations()).containsExactly(new IsolationVerdict.Violation(
                "gold/instances/i-2", 1L, IsolationVerdict.TENANT_MISMATCH, "instance:i-1", 1));
        assertThat(String.join("\n", verdict.lines())).contains("FAILED").doesNotContain("k-2").doesNotContain("e2");
    }

    @Test
    void apiDataInTheAssistantDatasetIsAViolationEvenWhenLabelledAssistant() {
        write("assistant", "append", "e1", "chat", "assistant", "k-1", "e2", "api", "assistant", "k-2");

        assertThat(audit().violations()).containsExactly(new IsolationVerdict.Violation(
                "gold/assistant", 0L, IsolationVerdict.API_OUTSIDE_INSTANCE, "assistant", 1));
    }

    @Test
    void oneApiRequestInTwoInstancesTablesIsAViolationOfBoth() {
        write("instances/i-1", "append", "e1", "api", "instance:i-1", "k-shared", "e2", "api", "instance:i-1", "k-own");
        write("instances/i-2", "append", "e3", "api", "instance:i-2", "k-shared");

        assertThat(audit().violations()).containsExactlyInAnyOrder(
                new IsolationVerdict.Violation("gold/instances/i-1", null, IsolationVerdict.API_REQUEST_IN_SEVERAL_TABLES, null, 1),
                new IsolationVerdict.Violation("gold/instances/i-2", null, IsolationVerdict.API_REQUEST_IN_SEVERAL_TABLES, null, 1));
    }

    @Test
    void versionsReadInTheScanAndThroughDeltaAreJudgedAlike() {
        // Partitioned tables are ones the one-scan read refuses: they are read through Delta.
        Dataset<Row> withoutTenant = spark.createDataFrame(List.of(RowFactory.create("e1", "chat", "train"),
                RowFactory.create("e2", "chat", "train")), new StructType().add("example_id", DataTypes.StringType)
                .add("kind", DataTypes.StringType).add("split", DataTypes.StringType));
        withoutTenant.write().format("delta").save(lake().gold("assistant"));
        withoutTenant.limit(1).write().format("delta").partitionBy("split").save(lake().gold("instances/i-3"));
        write("instances/i-1", "append", "e3", "api", "instance:i-1", "k-shared");
        spark.createDataFrame(List.of(RowFactory.create("e4", "api", "instance:i-2", List.of("k-shared"))), GOLD)
                .write().format("delta").partitionBy("kind").save(lake().gold("instances/i-2"));

        assertThat(audit().violations()).containsExactlyInAnyOrder(
                new IsolationVerdict.Violation("gold/assistant", 0L, IsolationVerdict.NO_TENANT_COLUMN, null, 2),
                new IsolationVerdict.Violation("gold/instances/i-3", 0L, IsolationVerdict.NO_TENANT_COLUMN, null, 1),
                new IsolationVerdict.Violation("gold/instances/i-1", null, IsolationVerdict.API_REQUEST_IN_SEVERAL_TABLES, null, 1),
                new IsolationVerdict.Violation("gold/instances/i-2", null, IsolationVerdict.API_REQUEST_IN_SEVERAL_TABLES, null, 1));
    }

    @Test
    void vacuumedVersionsAreReportedAsUnreadableNotAsChecked() {
        write("assistant", "append", "e1", "chat", "assistant", "k-1");
        write("assistant", "overwrite", "e2", "chat", "assistant", "k-2");
        DeltaTable.forPath(spark, lake().gold("assistant")).vacuum(0);

        IsolationVerdict verdict = audit();

        long versions = DeltaTable.forPath(spark, lake().gold("assistant")).history().count(); // vacuum commits too
        assertThat(verdict.versionsChecked()).isEqualTo(versions - 1);
        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.unreadable()).extracting(IsolationVerdict.UnreadableVersion::version).containsExactly(0L);
    }

    @Test
    void theGateReadsOnlyVersionsNoEarlierGateChecked() {
        write("instances/i-2", "append", "e1", "api", "instance:i-1", "k-1");
        write("instances/i-2", "overwrite", "e2", "api", "instance:i-2", "k-2");

        IsolationVerdict trusting = new IsolationAudit(spark, lake())
                .run(Set.of(new IsolationChecks.Checked("gold/instances/i-2", 0)), null);
        IsolationVerdict fresh = new IsolationAudit(spark, lake()).run(Set.of(), null);

        assertThat(trusting.passed()).as("version 0 is taken as checked, so its planted row is not read").isTrue();
        assertThat(trusting.versionsAlreadyChecked()).isEqualTo(1);
        assertThat(trusting.read()).containsExactly(new IsolationChecks.Checked("gold/instances/i-2", 1));
        assertThat(fresh.passed()).isFalse();
    }

    @Test
    void aRequestInTheTableOfAnInstanceOtherThanTheOneItLandedForIsAViolation() {
        write("instances/i-2", "append", "e1", "api", "instance:i-2", "k-of-i1", "e2", "api", "instance:i-2", "k-of-i2",
                "e3", "api", "instance:i-2", "k-deleted");
        Dataset<Row> landed = spark.createDataFrame(List.of(RowFactory.create("k-of-i1", "instance:i-1"),
                RowFactory.create("k-of-i2", "instance:i-2")), new StructType()
                .add("key", DataTypes.StringType).add("tenant", DataTypes.StringType));

        IsolationVerdict verdict = new IsolationAudit(spark, lake()).run(Set.of(), landed);

        assertThat(verdict.violations()).containsExactly(new IsolationVerdict.Violation(
                "gold/instances/i-2", null, IsolationVerdict.API_REQUEST_OF_ANOTHER_INSTANCE, "instance:i-1", 1));
        assertThat(verdict.requestsNotLanded()).isEqualTo(1);
    }
}
