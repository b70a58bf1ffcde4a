package com.connekz.pipeline.audit;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;

import com.connekz.pipeline.lake.Lake;
import com.connekz.pipeline.tenancy.Tenant;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Proves that no tenant's data sits anywhere but its own gold dataset: reads every retained
 * version of every table under {@code gold/} and checks that each row's {@code tenant} is the
 * table's, that {@code kind = 'api'} rows are only in instance tables, and that no API request
 * (by its keyed source key in {@code source_record_keys}) appears in two tables. A version whose
 * files were vacuumed is reported as unreadable, never counted as checked.
 */
public final class IsolationAudit {
    static final String KIND = "kind";
    static final String SOURCE_RECORD_KEYS = "source_record_keys";

    private final SparkSession spark;
    private final Lake lake;

    public IsolationAudit(SparkSession spark, Lake lake) {
        this.spark = spark;
        this.lake = lake;
    }

    public IsolationVerdict run() {
        List<IsolationVerdict.Violation> violations = new ArrayList<>();
        List<IsolationVerdict.UnreadableVersion> unreadable = new ArrayList<>();
        Dataset<Row> apiKeys = null;
        List<String> tables = goldTables();
        int versionsChecked = 0;

        for (String table : tables) {
            Tenant tenant;
            try {
                tenant = Tenant.ofDataset(table.substring("gold/".length()));
            } catch (IllegalArgumentException notADataset) {
                violations.add(new IsolationVerdict.Violation(table, null, IsolationVerdict.NOT_A_DATASET, null, 0));
                continue;
            }
            String path = lake.path(table);
            for (long version : retainedVersions(path)) {
                Dataset<Row> rows = spark.read().format("delta").option("versionAsOf", version).load(path);
                List<Row> byTenantAndKind;
                try {
                    byTenantAndKind = tenantsAndKinds(rows).collectAsList();
                } catch (Exception filesGone) { // SparkException is thrown undeclared
                    unreadable.add(new IsolationVerdict.UnreadableVersion(table, version, filesGone.getClass().getSimpleName()));
                    continue;
                }
                versionsChecked++;
                violations.addAll(check(table, version, tenant, rows, byTenantAndKind));
                if (hasColumns(rows, KIND, SOURCE_RECORD_KEYS)) {
                    Dataset<Row> keys = rows.filter(col(KIND).equalTo("api"))
                            .select(lit(table).as("table"), explode(col(SOURCE_RECORD_KEYS)).as("key"));
                    apiKeys = apiKeys == null ? keys : apiKeys.union(keys);
                }
            }
        }
        if (apiKeys != null) {
            violations.addAll(requestsInSeveralTables(apiKeys));
        }
        return new IsolationVerdict(violations.isEmpty(), tables.size(), versionsChecked, violations, unreadable);
    }

    /** Row counts per tenant value and whether the row is an API request: one aggregation over the version. */
    private static Dataset<Row> tenantsAndKinds(Dataset<Row> rows) {
        boolean hasKind = hasColumns(rows, KIND);
        boolean hasTenant = hasColumns(rows, Tenant.COLUMN);
        return rows.groupBy(
                        (hasTenant ? col(Tenant.COLUMN) : lit(null).cast("string")).as("tenant"),
                        (hasKind ? col(KIND).eqNullSafe("api") : lit(false)).as("is_api"))
                .agg(count(lit(1)).as("rows"));
    }

    private static List<IsolationVerdict.Violation> check(String table, long version, Tenant tenant,
                                                          Dataset<Row> rows, List<Row> byTenantAndKind) {
        List<IsolationVerdict.Violation> found = new ArrayList<>();
        if (!hasColumns(rows, Tenant.COLUMN)) {
            long all = byTenantAndKind.stream().mapToLong(r -> r.getLong(2)).sum();
            found.add(new IsolationVerdict.Violation(table, version, IsolationVerdict.NO_TENANT_COLUMN, null, all));
            return found;
        }
        for (Row group : byTenantAndKind) {
            String rowTenant = group.getString(0);
            boolean isApi = group.getBoolean(1);
            long count = group.getLong(2);
            if (!Objects.equals(rowTenant, tenant.value())) {
                found.add(new IsolationVerdict.Violation(table, version, IsolationVerdict.TENANT_MISMATCH, rowTenant, count));
            }
            if (isApi && tenant.isAssistant()) {
                found.add(new IsolationVerdict.Violation(table, version, IsolationVerdict.API_OUTSIDE_INSTANCE, rowTenant, count));
            }
        }
        return found;
    }

    /** Per table, how many API requests it shares with another table (in any versions of either). */
    private static List<IsolationVerdict.Violation> requestsInSeveralTables(Dataset<Row> apiKeys) {
        List<Row> shared = apiKeys.groupBy("key").agg(collect_set(col("table")).as("tables"))
                .filter(size(col("tables")).gt(1))
                .select(explode(col("tables")).as("table"))
                .groupBy("table").count()
                .collectAsList();
        List<IsolationVerdict.Violation> found = new ArrayList<>();
        for (Row row : shared) {
            found.add(new IsolationVerdict.Violation(row.getString(0), null,
                    IsolationVerdict.API_REQUEST_IN_SEVERAL_TABLES, null, row.getLong(1)));
        }
        return found;
    }

    /** The Delta tables under {@code gold/}, as paths relative to the lake ({@code gold/assistant}, {@code gold/instances/<id>}, ...). */
    List<String> goldTables() {
        List<String> tables = new ArrayList<>();
        String gold = lake.path("gold");
        for (String child : children(gold)) {
            if (DeltaTable.isDeltaTable(spark, lake.path("gold", child))) {
                tables.add("gold/" + child);
            } else {
                for (String grandchild : children(lake.path("gold", child))) {
                    if (DeltaTable.isDeltaTable(spark, lake.path("gold", child, grandchild))) {
                        tables.add("gold/" + child + "/" + grandchild);
                    }
                }
            }
        }
        tables.sort(null);
        return tables;
    }

    private List<Long> retainedVersions(String path) {
        return DeltaTable.forPath(spark, path).history().select(col("version")).as(Encoders.LONG())
                .collectAsList().stream().sorted().toList();
    }

    private List<String> children(String directory) {
        try {
            Path path = new Path(directory);
            FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!fs.exists(path)) {
                return List.of();
            }
            return Arrays.stream(fs.listStatus(path))
                    .filter(FileStatus::isDirectory)
                    .map(status -> status.getPath().getName())
                    .filter(name -> !name.startsWith("_") && !name.startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    private static boolean hasColumns(Dataset<Row> rows, String... names) {
        return Arrays.asList(rows.columns()).containsAll(Arrays.asList(names));
    }
}
