package com.connekz.pipeline.lake;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.testing.SharedSpark;
import io.delta.tables.DeltaTable;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionScanTest {
    private final SparkSession spark = SharedSpark.session();

    @TempDir
    Path dir;

    @Test
    void eachVersionGetsExactlyTheRowsDeltaTimeTravelGives() {
        // A space in the path: the file names the log holds and the ones the scan reports must still meet.
        String first = dir.resolve("gold tables/first").toString();
        String second = dir.resolve("gold tables/second").toString();
        write(first, "append", "a", "b");
        write(first, "append", "c");
        DeltaTable.forPath(spark, first).delete(col("value").equalTo("a"));
        write(second, "overwrite", "x");
        List<VersionScan.Wanted> wanted = List.of(new VersionScan.Wanted(first, 0), new VersionScan.Wanted(first, 1),
                new VersionScan.Wanted(first, 2), new VersionScan.Wanted(second, 0));

        VersionScan.Result scan = VersionScan.scan(spark, wanted, schema -> List.of(col("value")));

        assertThat(scan.notCovered()).isEmpty();
        assertThat(scan.missingFiles()).isEmpty();
        Map<Integer, List<String>> values = new HashMap<>();
        for (Row row : scan.rows().orderBy("value").collectAsList()) {
            values.computeIfAbsent(row.getInt(1), i -> new java.util.ArrayList<>()).add(row.getString(0));
        }
        for (int i = 0; i < wanted.size(); i++) {
            List<String> viaDelta = spark.read().format("delta").option("versionAsOf", wanted.get(i).version())
                    .load(wanted.get(i).path()).orderBy("value").as(Encoders.STRING()).collectAsList();
            assertThat(values.getOrDefault(i, List.of())).as("version %d", i).isEqualTo(viaDelta);
        }
        assertThat(values.get(2)).containsExactly("b", "c");
    }

    @Test
    void versionsTheLogCannotNameAloneAreLeftToDeltaAndVacuumedOnesAreReported() {
        String hidden = dir.resolve("with-deletion-vectors").toString();
        // One file holding both rows, so that deleting one of them needs a deletion vector.
        spark.createDataset(List.of("a", "b"), Encoders.STRING()).coalesce(1).write().format("delta").save(hidden);
        spark.sql("ALTER TABLE delta.`" + hidden + "` SET TBLPROPERTIES ('" + DeltaTables.DELETION_VECTORS + "' = 'true')");
        DeltaTable.forPath(spark, hidden).delete(col("value").equalTo("a"));
        String vacuumed = dir.resolve("vacuumed").toString();
        write(vacuumed, "append", "a");
        write(vacuumed, "overwrite", "b");
        DeltaTable.forPath(spark, vacuumed).vacuum(0);
        String partitioned = dir.resolve("partitioned").toString();
        spark.sql("SELECT 'p' AS value, 1 AS part").write().format("delta").partitionBy("part").save(partitioned);

        VersionScan.Result scan = VersionScan.scan(spark, List.of(new VersionScan.Wanted(hidden, 0),
                new VersionScan.Wanted(hidden, 2), new VersionScan.Wanted(vacuumed, 0), new VersionScan.Wanted(vacuumed, 1),
                new VersionScan.Wanted(partitioned, 0)), schema -> List.of(col("value")));

        assertThat(scan.notCovered()).containsExactly(1, 4);
        assertThat(scan.missingFiles()).containsExactly(2);
        assertThat(scan.covered()).containsOnlyKeys(0, 3);
        assertThat(scan.rows().orderBy("value").collectAsList()).extracting(row -> row.getString(0) + "@" + row.getInt(1))
                .containsExactlyInAnyOrder("a@0", "b@0", "b@3");
    }

    private void write(String table, String mode, String... values) {
        spark.createDataset(List.of(values), Encoders.STRING()).write().format("delta").mode(mode).save(table);
    }
}
