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
        for (Map.Entry<Integer, StructType> scanned : scan.schemas().entrySet()) {
            readable.add(new Counted(versions.get(scanned.getKey()), null, hasTenant(scanned.getValue()),
                    scannedCounts.getOrDefault(scanned.getKey(), List.of()), null));
        }
        scan.missingFiles().forEach(i -> unreadable.add(new IsolationVerdict.UnreadableVersion(versions.get(i).table(),
                versions.get(i).version(), FileNotFoundException.class.getSimpleName())));
        List<TableVersion> throughDelta = scan.notCovered().stream().map(versions::get).toList();
        for (Counted counted : ConcurrentJobs.map(throughDelta, ConcurrentJobs.threadsFor(spark), this::read)) {
            if (counted.failure() != null) {
                unreadable.add(new IsolationVerdict.UnreadableVersion(counted.version().table(), counted.version().version(),
                        counted.failure()));
            } else {
                readable.add(counted);
            }
        }
        for (Counted read : readable) {
            TableVersion version = read.version();
            violations.addAll(check(version.table(), version.version(), version.tenant(), read.hasTenant(), read.counts()));
        }
        Dataset<Row> apiKeys = unionOrNull(scannedApiKeys(scan, versions), deltaApiKeys(readable));
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

    /** The API request keys of the scanned versions, with each version's table and tenant. */
    private Dataset<Row> scannedApiKeys(VersionScan.Result scan, List<TableVersion> versions) {
        if (scan.rows() == null) {
            return null;
        }
        List<Row> owners = new ArrayList<>();
        scan.schemas().keySet().forEach(i -> owners.add(
                RowFactory.create(i, versions.get(i).table(), versions.get(i).tenant().value())));
        Dataset<Row> tables = spark.createDataFrame(owners, new StructType()
                .add(VersionScan.INDEX, DataTypes.IntegerType).add("table", DataTypes.StringType)
                .add("table_tenant", DataTypes.StringType));
        return scan.rows().filter(col("is_api"))
                .select(col(VersionScan.INDEX), explode(col(API_KEYS)).as("key"))
                .join(broadcast(tables), VersionScan.INDEX)
                .select("table", "table_tenant", "key");
    }

    /** The API request keys of the versions read through Delta, with each version's table and tenant. */
    private static Dataset<Row> deltaApiKeys(List<Counted> readable) {
        Dataset<Row> apiKeys = null;
        for (Counted read : readable) {
            TableVersion version = read.version();
            boolean holdsApi = read.counts().stream().anyMatch(group -> group.getBoolean(1));
            if (read.rows() != null && holdsApi && hasColumns(read.rows(), KIND, SOURCE_RECORD_KEYS)) {
                Dataset<Row> keys = read.rows().filter(col(KIND).equalTo("api"))
                        .select(lit(version.table()).as("table"), lit(version.tenant().value()).as("table_tenant"),
                                explode(col(SOURCE_RECORD_KEYS)).as("key"));
                apiKeys = unionOrNull(apiKeys, keys);
            }
        }
        return apiKeys;
    }

    private static Dataset<Row> unionOrNull(Dataset<Row> a, Dataset<Row> b) {
        return a == null ? b : b == null ? a : a.union(b);
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
     * One version read: its rows and their counts per tenant value and API flag, or, when its files
     * could not be read, the kind of failure.
     */
    private record Counted(TableVersion version, Dataset<Row> rows, boolean hasTenant, List<Row> counts, String failure) {}

    private Counted read(TableVersion version) {
        try {
            Dataset<Row> rows = spark.read().format("delta").option("versionAsOf", version.version()).load(version.path());
            return new Counted(version, rows, hasColumns(rows, Tenant.COLUMN), tenantsAndKinds(rows).collectAsList(), null);
        } catch (Exception filesGone) { // SparkException is thrown undeclared
            return new Counted(version, null, false, null, filesGone.getClass().getSimpleName());
        }
    }

    /** Each row as its tenant value and whether it is an API request. */
    private static Dataset<Row> tenantAndKind(Dataset<Row> rows) {
        return rows.select(
                (hasColumns(rows, Tenant.COLUMN) ? col(Tenant.COLUMN) : lit(null).cast("string")).as("tenant"),
                (hasColumns(rows, KIND) ? col(KIND).eqNullSafe("api") : lit(false)).as("is_api"));
    }

    /** Row counts per tenant value and API flag of one version. */
    private static Dataset<Row> tenantsAndKinds(Dataset<Row> rows) {
        return tenantAndKind(rows).groupBy("tenant", "is_api").agg(count(lit(1)).as("rows"));
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

    private static boolean hasColumns(Dataset<Row> rows, String... names) {
        return Arrays.asList(rows.columns()).containsAll(Arrays.asList(names));
    }
}
