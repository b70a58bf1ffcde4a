package com.connekz.pipeline.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.connekz.pipeline.testing.SharedSpark;
import io.delta.tables.DeltaTable;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantGuardTest {
    static final StructType GOLD = new StructType()
            .add("example_id", DataTypes.StringType)
            .add("content", DataTypes.StringType)
            .add("tenant", DataTypes.StringType);

    @TempDir
    Path lake;

    final SparkSession spark = SharedSpark.session();

    Dataset<Row> rows(String... idsAndTenants) {
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < idsAndTenants.length; i += 2) {
            rows.add(RowFactory.create(idsAndTenants[i], "private words of " + idsAndTenants[i], idsAndTenants[i + 1]));
        }
        return spark.createDataFrame(rows, GOLD);
    }

    static void append(Dataset<Row> rows, String path) {
        rows.write().format("delta").mode("append").save(path);
    }

    long version(String path) {
        return DeltaTable.forPath(spark, path).history(1).select("version").first().getLong(0);
    }

    @Test
    void aRowOfInstanceAInTheFrameForInstanceBFailsAndCommitsNothing() {
        String table = lake.resolve("gold/instances/B").toString();
        append(rows("ok-1", "instance:B"), table);

        TenantViolation violation = catchThrowableOfType(TenantViolation.class, () -> TenantGuard.writeChecked(
                rows("ok-2", "instance:B", "planted-secret-row", "instance:A"), Tenant.instance("B"), "gold/instances/B",
                rows -> append(rows, table)));

        assertThat(violation.getMessage()).contains("gold/instances/B").contains("instance:A")
                .doesNotContain("planted-secret-row").doesNotContain("private words");
        assertThat(violation.offendingTenants()).containsExactly("instance:A");
        assertThat(version(table)).isZero();
        assertThat(spark.read().format("delta").load(table).count()).isEqualTo(1);
    }

    @Test
    void rowsWithoutATenantViolateToo() {
        String table = lake.resolve("gold/assistant-null").toString();
        append(rows("ok", "assistant"), table);

        TenantViolation violation = catchThrowableOfType(TenantViolation.class, () -> TenantGuard.writeChecked(
                rows("x", null), Tenant.assistant(), "gold/assistant", rows -> append(rows, table)));
        assertThat(violation.offendingTenants()).containsExactly("null");
        assertThat(version(table)).isZero();

        TenantViolation noColumn = catchThrowableOfType(TenantViolation.class, () -> TenantGuard.writeChecked(
                rows("x", "assistant").drop("tenant"), Tenant.assistant(), "gold/assistant", rows -> append(rows, table)));
        assertThat(noColumn.getMessage()).contains("gold/assistant");
        assertThat(version(table)).isZero();
    }

    @Test
    void rowsOfTheTablesOwnTenantAreCommitted() {
        String table = lake.resolve("gold/assistant").toString();
        append(rows("a", "assistant"), table);
        TenantGuard.writeChecked(rows("b", "assistant", "c", "assistant"), Tenant.assistant(), "gold/assistant",
                rows -> append(rows, table));
        assertThat(version(table)).isEqualTo(1);
        assertThat(spark.read().format("delta").load(table).count()).isEqualTo(3);
    }
}
