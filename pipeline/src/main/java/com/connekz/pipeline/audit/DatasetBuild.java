package com.connekz.pipeline.audit;

import com.connekz.pipeline.datasets.BuildMetadata;
import com.connekz.pipeline.datasets.Datasets;
import com.connekz.pipeline.lake.Lake;
import com.connekz.pipeline.run.RecordedStage;
import com.connekz.pipeline.run.RunLedger;
import com.connekz.pipeline.lake.DeltaTables;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;

/**
 * What one dataset version was built from. A commit that is not a build (a deletion's rewrite)
 * carries no build metadata: the version then stands on the latest build at or before it, whose
 * metadata this names with {@code builtVersion}.
 *
 * @param committedAt   when the version was committed
 * @param metadata      the build's commit metadata, or null when no version up to this one has any
 * @param builtVersion  the version whose commit holds {@code metadata} (-1 when there is none)
 * @param buildStartedAt when the build's run started ("as of the build" for consent), from the run
 *                      ledger; the build commit's time when the run is not in the ledger
 */
public record DatasetBuild(
        String dataset,
        long version,
        Instant committedAt,
        String operation,
        BuildMetadata metadata,
        long builtVersion,
        Instant buildStartedAt) {

    public Optional<BuildMetadata> build() {
        return Optional.ofNullable(metadata);
    }

    /** The Delta version of an input table the build read ({@code bronze/consent}, {@code silver/chats}...). */
    public Optional<Long> input(String table) {
        return build().map(m -> m.inputs().get(table));
    }

    /**
     * The build behind {@code version} of dataset {@code name} (its latest published one when empty).
     *
     * @throws IllegalArgumentException when the dataset or version does not exist
     */
    public static DatasetBuild of(SparkSession spark, Lake lake, String name, Optional<Long> version) {
        return of(new Datasets(spark, lake), name, version, runId -> runStart(spark, lake, runId));
    }

    /**
     * The build behind {@code version} of dataset {@code name}, with the start of a build's run
     * looked up by {@code runStart} (empty when the ledger does not hold the run).
     *
     * @throws IllegalArgumentException when the dataset or version does not exist
     */
    public static DatasetBuild of(Datasets datasets, String name, Optional<Long> version,
                                  Function<String, Optional<Instant>> runStart) {
        long resolved = datasets.resolve(name, version);
        List<DeltaTables.Commit> commits = datasets.history(name).stream()
                .filter(commit -> commit.version() <= resolved)
                .toList();
        DeltaTables.Commit commit = commits.get(0);
        for (DeltaTables.Commit candidate : commits) {
            Optional<BuildMetadata> metadata = BuildMetadata.parse(candidate.userMetadata());
            if (metadata.isPresent()) {
                Instant started = runStart.apply(metadata.get().runId()).orElse(candidate.timestamp());
                return new DatasetBuild(name, resolved, commit.timestamp(), commit.operation(), metadata.get(),
                        candidate.version(), started);
            }
        }
        return new DatasetBuild(name, resolved, commit.timestamp(), commit.operation(), null, -1, commit.timestamp());
    }

    /** This build with a known start of its run (the audit gate runs inside the build's run, before the ledger holds it). */
    public DatasetBuild startedAt(Instant started) {
        return new DatasetBuild(dataset, version, committedAt, operation, metadata, builtVersion, started);
    }

    /** When run {@code runId} started, from the run ledger; empty when the ledger does not hold it. */
    public static Optional<Instant> runStart(SparkSession spark, Lake lake, String runId) {
        return new RunLedger(spark, lake.runs()).read(List.of(runId)).stream()
                .filter(stage -> RunLedger.WHOLE_RUN.equals(stage.stage()))
                .map(RecordedStage::startedAt)
                .findFirst()
                .map(Instant::parse);
    }
}
