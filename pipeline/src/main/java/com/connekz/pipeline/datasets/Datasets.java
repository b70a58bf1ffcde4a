package com.connekz.pipeline.datasets;

import com.connekz.pipeline.lake.DeltaTables;

import com.connekz.pipeline.lake.Lake;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The catalog of gold datasets: which exist, their versions, row counts and build metadata. Also the
 * entry point for other commands (e.g. {@code launch-training}) to resolve "latest" and read a
 * version's metadata. "Latest" is the latest version published in {@code _system/publications}
 * (it passed its audits); for a dataset with no published version yet, the latest committed one.
 */
public final class Datasets {
    public static final String PUBLICATIONS = "publications";
    private final SparkSession spark;
    private final Lake lake;
    private final Publications publications;

    public Datasets(SparkSession spark, Lake lake) {
        this.spark = spark;
        this.lake = lake;
        this.publications = new Publications(spark, lake.system(PUBLICATIONS));
    }

    public SparkSession spark() {
        return spark;
    }

    /** The latest version of the dataset that passed its audits, if any did. */
    public OptionalLong latestPublished(String name) {
        path(name);
        return publications.latest(name);
    }

    public List<String> names() {
        return GoldTables.list(spark, lake);
    }

    public List<DatasetSummary> list() {
        List<DatasetSummary> summaries = new ArrayList<>();
        for (String name : names()) {
            List<DatasetSummary.VersionEntry> versions = new ArrayList<>();
            for (DeltaTables.Commit commit : history(name)) {
                versions.add(new DatasetSummary.VersionEntry(commit.version(), committedAt(commit),
                        commit.operation(), BuildMetadata.parse(commit.userMetadata()).map(BuildMetadata::runId).orElse(null)));
            }
            summaries.add(new DatasetSummary(name, show(name, Optional.empty()), versions));
        }
        return summaries;
    }

    /**
     * The given version of a dataset, or its latest when {@code version} is empty.
     *
     * @throws IllegalArgumentException when the dataset or that version does not exist
     */
    public DatasetVersion show(String name, Optional<Long> version) {
        long resolved = resolve(name, version);
        DeltaTables.Commit commit = commit(name, resolved);
        Dataset<Row> rows = read(name, resolved);
        Map<String, Long> byKind = new TreeMap<>();
        Map<String, Long> bySplit = new TreeMap<>();
        long total = 0;
        for (Row group : rows.groupBy(GoldSchema.KIND, GoldSchema.SPLIT).count().collectAsList()) {
            long count = group.getLong(2);
            byKind.merge(group.getString(0), count, Long::sum);
            bySplit.merge(group.getString(1), count, Long::sum);
            total += count;
        }
        return new DatasetVersion(name, resolved, committedAt(commit), commit.operation(),
                publications.find(name, resolved).isPresent(), total,
                byKind, bySplit, BuildMetadata.parse(commit.userMetadata()).orElse(null));
    }

    /**
     * The version number {@code version} names: itself when it exists; when empty, the latest
     * published version, or the latest committed one if none was published.
     *
     * @throws IllegalArgumentException when the dataset or that version does not exist
     */
    public long resolve(String name, Optional<Long> version) {
        String path = path(name);
        long latest = DeltaTables.version(spark, path).orElseThrow();
        if (version.isEmpty()) {
            return publications.latest(name).orElse(latest);
        }
        long wanted = version.get();
        if (wanted < 0 || wanted > latest || history(name).stream().noneMatch(c -> c.version() == wanted)) {
            throw new IllegalArgumentException("dataset " + name + " has no version " + wanted + " (latest is " + latest + ")");
        }
        return wanted;
    }

    /** The build metadata of one version, empty when its commit carries none (e.g. a deletion). */
    public Optional<BuildMetadata> metadata(String name, long version) {
        return BuildMetadata.parse(commit(name, version).userMetadata());
    }

    /** The rows of one version, by time travel. */
    public Dataset<Row> read(String name, long version) {
        return spark.read().format("delta").option("versionAsOf", version).load(path(name));
    }

    /** The commits of a dataset still in its log, newest first. */
    public List<DeltaTables.Commit> history(String name) {
        List<DeltaTables.Commit> commits = new ArrayList<>(DeltaTables.commits(spark, path(name)));
        java.util.Collections.reverse(commits);
        return commits;
    }

    private DeltaTables.Commit commit(String name, long version) {
        return history(name).stream().filter(c -> c.version() == version).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("dataset " + name + " has no version " + version));
    }

    /** A commit's time as the history query printed it, so listings read as before. */
    private static String committedAt(DeltaTables.Commit commit) {
        return java.sql.Timestamp.from(commit.timestamp()).toString();
    }

    private String path(String name) {
        if (!GoldTables.exists(spark, lake, name)) {
            throw new IllegalArgumentException("no dataset named " + name);
        }
        return lake.gold(name);
    }
}
