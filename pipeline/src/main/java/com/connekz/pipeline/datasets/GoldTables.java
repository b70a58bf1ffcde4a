package com.connekz.pipeline.datasets;

import com.connekz.pipeline.lake.DeltaTables;

import com.connekz.pipeline.lake.Lake;
import com.connekz.pipeline.tenancy.Tenant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Names gold datasets after their tenant ({@code assistant} → {@code assistant},
 * {@code instance:<id>} → {@code instances/<id>}) and finds the ones that exist in a lake.
 */
public final class GoldTables {
    public static final String ASSISTANT_TENANT = "assistant";
    public static final String INSTANCE_PREFIX = "instance:";
    private static final String INSTANCES_FOLDER = "instances";

    private GoldTables() {}

    /** The dataset name of a tenant, or empty for a tenant value this code does not know. */
    public static Optional<String> nameOf(String tenant) {
        if (tenant == null) {
            return Optional.empty();
        }
        try {
            String name = new Tenant(tenant).datasetName();
            // An instance id that would leave gold/instances/ as a path names no dataset.
            return name.indexOf('/', INSTANCES_FOLDER.length() + 1) < 0 && !name.contains("..")
                    ? Optional.of(name) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether {@code name} is one of the names {@link #list} would give: {@code assistant} or
     * {@code instances/<id>} (one folder below, no way out of it), existing as a Delta table.
     */
    public static boolean exists(SparkSession spark, Lake lake, String name) {
        String instancePrefix = INSTANCES_FOLDER + "/";
        boolean wellFormed = name.equals(ASSISTANT_TENANT)
                || (name.startsWith(instancePrefix) && name.length() > instancePrefix.length()
                        && name.indexOf('/', instancePrefix.length()) < 0 && !name.contains("..") && !name.contains("\\"));
        return wellFormed && DeltaTables.exists(spark, lake.gold(name));
    }

    /** The names of every gold dataset that exists as a Delta table, assistant first. */
    public static List<String> list(SparkSession spark, Lake lake) {
        List<String> names = new ArrayList<>();
        if (DeltaTables.exists(spark, lake.gold(ASSISTANT_TENANT))) {
            names.add(ASSISTANT_TENANT);
        }
        for (String instance : childFolders(spark, lake.gold(INSTANCES_FOLDER))) {
            String name = INSTANCES_FOLDER + "/" + instance;
            if (DeltaTables.exists(spark, lake.gold(name))) {
                names.add(name);
            }
        }
        return names;
    }

    static List<String> childFolders(SparkSession spark, String folder) {
        try {
            Path path = new Path(folder);
            FileSystem fs = path.getFileSystem(spark.sessionState().newHadoopConf());
            if (!fs.exists(path)) {
                return List.of();
            }
            List<String> names = new ArrayList<>();
            for (FileStatus status : fs.listStatus(path)) {
                if (status.isDirectory()) {
                    names.add(status.getPath().getName());
                }
            }
            names.sort(String::compareTo);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }
}
