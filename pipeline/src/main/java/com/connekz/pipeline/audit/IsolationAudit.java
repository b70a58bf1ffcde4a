package com.connekz.pipeline.audit;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.when;

import com.connekz.pipeline.lake.DeltaTables;
import com.connekz.pipeline.lake.Lake;
import com.connekz.pipeline.lake.VersionScan;
import com.connekz.pipeline.spark.ConcurrentJobs;
import com.connekz.pipeline.tenancy.Tenant;
import io.delta.tables.DeltaTable;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

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
    private static final String API_KEYS = "api_keys";

    private final SparkSession spark;
    private final Lake lake;

    public IsolationAudit(SparkSession spark, Lake lake) {
        this.spark = spark;
        this.lake = lake;
    }

    /**
     * Reads every retained version of every gold table and checks the rules. Versions are counted a
     * few at a time (see {@link ConcurrentJobs}); one whose files are gone is reported unreadable.
     */
    public IsolationVerdict run() {
        return run(Set.of(), null);
    }

    /**
     * The audit gate's form: reads only the retained versions not in {@code alreadyChecked} (a
     * committed version never changes). The rule across tables then compares the API requests of the
     * versions read with each other, and with {@code landedTenants} (a request's keyed source key and
     * the tenant of the instance it landed for, from bronze): a request in a table other than its
     * instance's breaks {@link IsolationVerdict#API_REQUEST_OF_ANOTHER_INSTANCE}; one no longer landed
     * (deleted since) cannot be placed and is counted in {@code requestsNotLanded}.
     *
     * @param landedTenants columns {@code key} and {@code tenant}, or null to skip that rule
     */
    public IsolationVerdict run(Set<IsolationChecks.Checked> alreadyChecked, Dataset<Row> landedTenants) {
        List<IsolationVerdict.Violation> violations = new ArrayList<>();
        List<IsolationVerdict.UnreadableVersion> unreadable = new ArrayList<>();
        List<TableVersion> versions = new ArrayList<>();
        List<String> tables = goldTables();
        int skipped = 0;
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
                if (alreadyChecked.contains(new IsolationChecks.Checked(table, version))) {
                    skipped++;
                } else {
                    versions.add(new TableVersion(table, version, tenant, path));
                }
            }
        }
        List<Counted> readable = new ArrayList<>();
        VersionScan.Result scan = VersionScan.scan(spark,
                versions.stream().map(v -> new VersionScan.Wanted(v.path(), v.version())).toList(), IsolationAudit::isolationColumns);
        Map<Integer, List<Row>> scannedCounts = countsByVersion(scan.rows());
        scan.covered().forEach((i, files) -> readable.add(new Counted(i, versions.get(i), null, hasTenant(files.schema()),
                scannedCounts.getOrDefault(i, List.of()), null)));
        scan.missingFiles().forEach(i -> unreadable.add(new IsolationVerdict.UnreadableVersion(versions.get(i).table(),
                versions.get(i).version(), FileNotFoundException.class.getSimpleName())));
        for (Counted counted : ConcurrentJobs.map(scan.notCovered(), ConcurrentJobs.threadsFor(spark),
                i -> read(i, versions.get(i)))) {
            if (counted.failure() != null) {
                unreadable.add(new IsolationVerdict.UnreadableVersion(counted.version().table(), counted.version().version(),
                        counted.failure()));
            } else {
                readable.add(counted);
            }
        }
        Dataset<Row> tagged = scan.rows();
        for (Counted read : readable) {
            TableVersion version = read.version();
            violations.addAll(check(version.table(), version.version(), version.tenant(), read.hasTenant(), read.counts()));
            if (read.throughDelta() != null) {
                tagged = tagged == null ? read.throughDelta() : tagged.unionByName(read.throughDelta());
            }
        }
        Dataset<Row> apiKeys = tagged == null ? null : apiKeys(tagged, readable);
        long notLanded = requestRules(apiKeys, landedTenants, violations);
        List<IsolationChecks.Checked> read = readable.stream()
                .map(v -> new IsolationChecks.Checked(v.version().table(), v.version().version())).toList();
        return new IsolationVerdict(violations.isEmpty(), tables.size(), readable.size(), skipped, notLanded,
                violations, unreadable, read);
    }

    /** Each row's tenant value, whether it is an API request, and an API request's keyed source keys. */
    private static List<Column> isolationColumns(StructType schema) {
        List<String> names = Arrays.asList(schema.fieldNames());
        Column isApi = names.contains(KIND) ? col(KIND).eqNullSafe("api") : lit(false);
        return List.of(
                (names.contains(Tenant.COLUMN) ? col(Tenant.COLUMN) : lit(null).cast("string")).as("tenant"),
                isApi.as("is_api"),
                (names.contains(KIND) && names.contains(SOURCE_RECORD_KEYS)
                        ? when(isApi, col(SOURCE_RECORD_KEYS)) : lit(null).cast("array<string>")).as(API_KEYS));
    }

    /** Row counts per tenant value and API flag of every scanned version, by version index: one job. */
    private static Map<Integer, List<Row>> countsByVersion(Dataset<Row> scanned) {
        Map<Integer, List<Row>> counts = new HashMap<>();
        if (scanned != null) {
            for (Row row : scanned.groupBy(col(VersionScan.INDEX), col("tenant"), col("is_api")).agg(count(lit(1)))
                    .collectAsList()) {
                counts.computeIfAbsent(row.getInt(0), i -> new ArrayList<>())
                        .add(RowFactory.create(row.getString(1), row.getBoolean(2), row.getLong(3)));
            }
        }
        return counts;
    }

    /** The API request keys of the versions read, with each version's table and tenant. */
    private Dataset<Row> apiKeys(Dataset<Row> tagged, List<Counted> readable) {
        List<Row> owners = readable.stream().map(read -> RowFactory.create(read.index(), read.version().table(),
                read.version().tenant().value())).toList();
        Dataset<Row> tables = spark.createDataFrame(owners, new StructType()
                .add(VersionScan.INDEX, DataTypes.IntegerType).add("table", DataTypes.StringType)
                .add("table_tenant", DataTypes.StringType));
        return tagged.filter(col("is_api"))
                .select(col(VersionScan.INDEX), explode(col(API_KEYS)).as("key"))
                .join(broadcast(tables), VersionScan.INDEX)
                .select("table", "table_tenant", "key");
    }

    /**
     * The rules about API requests across the versions read: none in two tables, and (with
     * {@code landedTenants}) each in its own instance's table. Returns how many could not be placed.
     *
     * @param apiKeys columns {@code table}, {@code table_tenant}, {@code key}; null when no version read holds any
     */
    private static long requestRules(Dataset<Row> apiKeys, Dataset<Row> landedTenants,
                                     List<IsolationVerdict.Violation> violations) {
        if (apiKeys == null) {
            return 0;
        }
        // Planning the scans of many versions is the cost: plan them once for both rules.
        Dataset<Row> keys = apiKeys.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            violations.addAll(requestsInSeveralTables(keys));
            return landedTenants == null ? 0 : RequestPlacement.check(keys, landedTenants, violations);
        } finally {
            keys.unpersist();
        }
    }

    /** One retained version of a gold table, with the tenant its path names. */
    private record TableVersion(String table, long version, Tenant tenant, String path) {}

    /**
     * One version read, by its index among the versions wanted: the counts of its rows per tenant
     * value and API flag, its rows as {@link #isolationColumns} when read through Delta rather than
     * in the scan, or, when its files could not be read, the kind of failure.
     */
    private record Counted(int index, TableVersion version, Dataset<Row> throughDelta, boolean hasTenant,
                           List<Row> counts, String failure) {}

    /** Reads a version the scan could not cover through Delta, counting its rows on its own to tell whether its files are gone. */
    private Counted read(int index, TableVersion version) {
        try {
            Dataset<Row> rows = spark.read().format("delta").option("versionAsOf", version.version()).load(version.path());
            Dataset<Row> tagged = rows.select(isolationColumns(rows.schema()).toArray(Column[]::new))
                    .withColumn(VersionScan.INDEX, lit(index));
            return new Counted(index, version, tagged, hasTenant(rows.schema()),
                    countsByVersion(tagged).getOrDefault(index, List.of()), null);
        } catch (Exception filesGone) { // SparkException is thrown undeclared
            return new Counted(index, version, null, false, null, filesGone.getClass().getSimpleName());
        }
    }

    private static List<IsolationVerdict.Violation> check(String table, long version, Tenant tenant,
                                                          boolean hasTenant, List<Row> byTenantAndKind) {
        List<IsolationVerdict.Violation> found = new ArrayList<>();
        if (!hasTenant) {
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
        return DeltaTables.commits(spark, path).stream().map(DeltaTables.Commit::version).toList();
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

    private static boolean hasTenant(StructType schema) {
        return Arrays.asList(schema.fieldNames()).contains(Tenant.COLUMN);
    }
}
