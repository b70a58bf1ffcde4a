package com.connekz.pipeline.lake;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
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

/**
 * Many versions of many Delta tables read as one frame: every data file once, in one Parquet scan
 * per schema, each row tagged with the index of every wanted version that holds its file (a file
 * kept by three versions gives its rows three times, once per version). For a few hundred small
 * tables this replaces a few Spark jobs per version with one scan for all of them.
 *
 * <p>Versions whose files {@link VersionFiles} cannot name are left {@link Result#notCovered() not
 * covered}, for the caller to read through Delta; versions with a file gone from storage (VACUUM)
 * are {@link Result#missingFiles() reported}, not read.
 */
public final class VersionScan {
    /** The column holding the index, in the wanted list, of the version a row belongs to. */
    public static final String INDEX = "_version_index";
    private static final String FILE = "_version_file";

    private VersionScan() {}

    /** One version of the Delta table at {@code path}. */
    public record Wanted(String path, long version) {}

    /**
     * What one scan covered.
     *
     * @param rows         each covered version's rows as its projection, plus {@link #INDEX}; null when none is covered
     * @param covered      the schema and files of each covered version, by index
     * @param missingFiles the versions, by index, that name a file no longer in storage
     * @param notCovered   the versions, by index, whose files the commit files alone cannot name
     */
    public record Result(Dataset<Row> rows, Map<Integer, VersionFiles> covered, Set<Integer> missingFiles,
                         List<Integer> notCovered) {}

    /**
     * Reads every wanted version it can in one scan per distinct schema.
     *
     * @param project the columns to keep from a version of the given schema; every schema must give
     *                the same column names (they are unioned by name)
     */
    public static Result scan(SparkSession spark, List<Wanted> wanted, Function<StructType, List<Column>> project) {
        Map<Integer, VersionFiles> covered = new LinkedHashMap<>();
        Map<StructType, List<Row>> filesBySchema = new LinkedHashMap<>();
        List<Integer> notCovered = new ArrayList<>();
        Set<Integer> missing = new TreeSet<>();
        Map<String, Set<String>> listed = new HashMap<>();
        Map<String, Map<Long, VersionFiles>> replayed = new HashMap<>();
        wanted.stream().collect(Collectors.groupingBy(Wanted::path, LinkedHashMap::new,
                        Collectors.mapping(Wanted::version, Collectors.toList())))
                .forEach((path, versions) -> replayed.put(path, VersionFiles.of(spark, path, versions)));
        for (int i = 0; i < wanted.size(); i++) {
            VersionFiles files = replayed.get(wanted.get(i).path()).get(wanted.get(i).version());
            if (files == null) {
                notCovered.add(i);
                continue;
            }
            if (!files.files().stream().allMatch(file -> exists(spark, file, listed))) {
                missing.add(i);
                continue;
            }
            covered.put(i, files);
            int index = i;
            files.files().forEach(file ->
                    filesBySchema.computeIfAbsent(files.schema(), s -> new ArrayList<>()).add(RowFactory.create(file, index)));
        }
        Dataset<Row> rows = null;
        for (Map.Entry<StructType, List<Row>> group : filesBySchema.entrySet()) {
            Dataset<Row> read = read(spark, group.getKey(), group.getValue(), project);
            rows = rows == null ? read : rows.unionByName(read);
        }
        return new Result(rows, covered, missing, notCovered);
    }

    private static Dataset<Row> read(SparkSession spark, StructType schema, List<Row> fileIndexes,
                                     Function<StructType, List<Column>> project) {
        // The reader takes Hadoop paths (a space as is), the metadata column names URIs (a space as %20).
        String[] files = fileIndexes.stream().map(row -> new Path(URI.create(row.getString(0))).toString())
                .distinct().toArray(String[]::new);
        Dataset<Row> owners = spark.createDataFrame(fileIndexes, new StructType()
                .add(FILE, DataTypes.StringType, false).add(INDEX, DataTypes.IntegerType, false));
        List<Column> columns = new ArrayList<>(project.apply(schema));
        columns.add(col("_metadata.file_path").as(FILE));
        Dataset<Row> rows = spark.read().schema(schema).parquet(files).select(columns.toArray(Column[]::new));
        return rows.join(broadcast(owners), FILE).drop(FILE);
    }

    /** Whether a data file is still in storage, listing each folder once rather than asking per file. */
    private static boolean exists(SparkSession spark, String file, Map<String, Set<String>> listed) {
        Path path = new Path(URI.create(file));
        String folder = path.getParent().toString();
        Set<String> names = listed.computeIfAbsent(folder, f -> {
            try {
                Path dir = path.getParent();
                FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
                if (!fs.exists(dir)) {
                    return Set.of();
                }
                return Arrays.stream(fs.listStatus(dir)).map(FileStatus::getPath).map(Path::getName)
                        .collect(Collectors.toSet());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + f, e);
            }
        });
        return names.contains(path.getName());
    }
}
