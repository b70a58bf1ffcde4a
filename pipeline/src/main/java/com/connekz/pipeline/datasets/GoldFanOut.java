package com.connekz.pipeline.datasets;

import static org.apache.spark.sql.functions.col;

import com.connekz.pipeline.lake.FanOutWrite;
import com.connekz.pipeline.lake.Lake;
import com.connekz.pipeline.tenancy.Tenant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The gold tables a build only adds examples to, written together: every new table (created with
 * its tenant's examples) and every table {@link GoldDiff} found appendable (given its new examples)
 * get their files from one Spark job and one commit each ({@link FanOutWrite}). Each row goes to the
 * table of its own {@code tenant} value, so no row can reach another tenant's table.
 */
final class GoldFanOut {
    private final SparkSession spark;
    private final Lake lake;

    GoldFanOut(SparkSession spark, Lake lake) {
        this.spark = spark;
        this.lake = lake;
    }

    /** The datasets written together: new ones with examples, and appendable ones. */
    static List<String> chosen(List<String> datasets, Map<String, OptionalLong> latest,
                               Map<String, ContentFingerprint> wanted, GoldDiff diff) {
        return datasets.stream().filter(name -> {
            String tenant = Tenant.ofDataset(name).value();
            boolean created = latest.get(name).isEmpty() && wanted.getOrDefault(tenant, ContentFingerprint.NONE).examples() > 0;
            return created || diff.counts(tenant).map(GoldDiff.Counts::appendable).orElse(false);
        }).toList();
    }

    /**
     * Writes the chosen datasets from {@code examples} (all wanted examples) and the diff's new
     * examples, inside the caller's commit metadata; returns each one's change.
     */
    Map<String, GoldWriter.Change> write(List<String> chosen, Map<String, OptionalLong> latest, Dataset<Row> examples,
                                         GoldDiff diff) {
        Map<String, FanOutWrite.Target> targets = new LinkedHashMap<>();
        Map<String, String> nameOfTenant = new LinkedHashMap<>();
        List<String> created = chosen.stream().filter(name -> latest.get(name).isEmpty()).toList();
        List<String> appended = chosen.stream().filter(name -> latest.get(name).isPresent()).toList();
        for (String name : chosen) {
            String tenant = Tenant.ofDataset(name).value();
            targets.put(tenant, new FanOutWrite.Target(lake.gold(name), latest.get(name).isEmpty()));
            nameOfTenant.put(tenant, name);
        }
        Dataset<Row> rows = examples.filter(col(Tenant.COLUMN).isin(tenantsOf(created)));
        if (!appended.isEmpty()) {
            rows = rows.unionByName(diff.newExamples().filter(col(Tenant.COLUMN).isin(tenantsOf(appended))));
        }
        Map<String, FanOutWrite.Committed> committed = new FanOutWrite(spark, lake.system("gold_staging"))
                .write(rows, Tenant.COLUMN, targets, GoldWriter.NEW_TABLE_PROPERTIES);
        Map<String, GoldWriter.Change> changes = new LinkedHashMap<>();
        committed.forEach((tenant, commit) -> changes.put(nameOfTenant.get(tenant),
                new GoldWriter.Change(commit.rows(), 0, 0, OptionalLong.of(commit.version()))));
        return changes;
    }

    private static Object[] tenantsOf(List<String> names) {
        return names.stream().map(name -> Tenant.ofDataset(name).value()).toArray();
    }
}
