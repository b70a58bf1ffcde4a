package com.connekz.pipeline.datasets;

import static com.connekz.pipeline.datasets.GoldSchema.CONTENT_HASH;
import static com.connekz.pipeline.datasets.GoldSchema.EXAMPLE_ID;
import static com.connekz.pipeline.datasets.GoldSchema.TENANT;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import com.connekz.pipeline.lake.VersionScan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.jdk.javaapi.CollectionConverters;

/**
 * How the wanted examples differ from what gold tables hold now, for many tables in one pass: the
 * latest versions are read in one scan ({@link VersionScan}), keys and content hashes only, and
 * joined with the wanted examples by tenant and example id. A table whose difference is only new
 * examples can then be appended to instead of merged, which on a night of new traffic for every
 * developer instance is most of them.
 */
final class GoldDiff implements AutoCloseable {
    private static final String CHANGE = "_change";
    private static final String INSERTED = "inserted";
    private static final String UPDATED = "updated";
    private static final String DELETED = "deleted";

    /**
     * How many data files a table may have for new examples still to be appended to it. An append
     * adds a file per night; past this, the table is merged instead, which rewrites every file
     * (every example is matched) into a few.
     */
    static final int APPENDED_FILES_LIMIT = 8;

    /** What one table would gain, change and lose, and how many data files it has now. */
    record Counts(long inserted, long updated, long deleted, int files) {
        boolean none() {
            return inserted == 0 && updated == 0 && deleted == 0;
        }

        /** Whether the change is only new examples and the table can take another file for them. */
        boolean appendable() {
            return inserted > 0 && updated == 0 && deleted == 0 && files < APPENDED_FILES_LIMIT;
        }
    }

    private final Map<String, Counts> byTenant;
    private final Dataset<Row> newExamples;

    private GoldDiff(Map<String, Counts> byTenant, Dataset<Row> newExamples) {
        this.byTenant = byTenant;
        this.newExamples = newExamples;
    }

    /** No table compared: every table is merged as before. */
    static GoldDiff none() {
        return new GoldDiff(Map.of(), null);
    }

    /**
     * Compares {@code examples} with the given version of each tenant's table.
     *
     * @param tables per tenant value, the path and latest version of its table
     */
    static GoldDiff of(SparkSession spark, Dataset<Row> examples, Map<String, VersionScan.Wanted> tables) {
        List<String> tenants = new ArrayList<>(tables.keySet());
        VersionScan.Result scan = VersionScan.scan(spark, tenants.stream().map(tables::get).toList(),
                schema -> List.of(col(EXAMPLE_ID), col(CONTENT_HASH)));
        if (scan.rows() == null) {
            return none();
        }
        List<Row> owners = new ArrayList<>();
        scan.covered().keySet().forEach(i -> owners.add(RowFactory.create(i, tenants.get(i))));
        Dataset<Row> held = scan.rows().join(broadcast(spark.createDataFrame(owners, new StructType()
                        .add(VersionScan.INDEX, DataTypes.IntegerType).add(TENANT, DataTypes.StringType))), VersionScan.INDEX)
                .select(col(TENANT).as("h_tenant"), col(EXAMPLE_ID).as("h_id"), col(CONTENT_HASH).as("h_hash"));
        List<Object> covered = scan.covered().keySet().stream().map(i -> (Object) tenants.get(i)).toList();
        Dataset<Row> wanted = examples.filter(col(TENANT).isin(covered.toArray()))
                .select(col(TENANT).as("w_tenant"), col(EXAMPLE_ID).as("w_id"), col(CONTENT_HASH).as("w_hash"));
        Dataset<Row> changed = wanted.join(held, col("w_tenant").equalTo(col("h_tenant"))
                        .and(col("w_id").equalTo(col("h_id"))), "full_outer")
                .select(coalesce(col("w_tenant"), col("h_tenant")).as(TENANT), coalesce(col("w_id"), col("h_id")).as(EXAMPLE_ID),
                        when(col("h_id").isNull(), lit(INSERTED)).when(col("w_id").isNull(), lit(DELETED))
                                .when(col("w_hash").eqNullSafe(col("h_hash")), lit(null).cast("string")).otherwise(lit(UPDATED)).as(CHANGE))
                .filter(col(CHANGE).isNotNull())
                .persist(StorageLevel.MEMORY_AND_DISK());
        Map<String, long[]> counts = new HashMap<>();
        covered.forEach(tenant -> counts.put((String) tenant, new long[3]));
        for (Row row : changed.groupBy(TENANT, CHANGE).count().collectAsList()) {
            int slot = switch (row.getString(1)) {
                case INSERTED -> 0;
                case UPDATED -> 1;
                default -> 2;
            };
            counts.get(row.getString(0))[slot] = row.getLong(2);
        }
        Map<String, Counts> byTenant = new HashMap<>();
        scan.covered().forEach((i, files) -> {
            long[] c = counts.get(tenants.get(i));
            byTenant.put(tenants.get(i), new Counts(c[0], c[1], c[2], files.files().size()));
        });
        Dataset<Row> newExamples = null;
        if (byTenant.values().stream().anyMatch(Counts::appendable)) {
            // Picked once for every table appended to: each append then scans only the night's new
            // examples, not all examples joined again with the changes.
            Dataset<Row> inserted = changed.filter(col(CHANGE).equalTo(INSERTED)).select(TENANT, EXAMPLE_ID);
            newExamples = examples.join(inserted, CollectionConverters.asScala(List.of(TENANT, EXAMPLE_ID)).toSeq(), "left_semi")
                    .persist(StorageLevel.MEMORY_AND_DISK());
            newExamples.count();
        }
        changed.unpersist();
        return new GoldDiff(byTenant, newExamples);
    }

    /** The difference for a tenant's table; empty when it was not compared (read it through Delta). */
    Optional<Counts> counts(String tenant) {
        return Optional.ofNullable(byTenant.get(tenant));
    }

    /** The examples of every appendable table that it does not hold yet. */
    Dataset<Row> newExamples() {
        if (newExamples == null) {
            throw new IllegalStateException("no table was found appendable");
        }
        return newExamples;
    }

    @Override
    public void close() {
        if (newExamples != null) {
            newExamples.unpersist();
        }
    }
}
