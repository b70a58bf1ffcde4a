package com.connekz.pipeline.datasets;

import com.connekz.pipeline.lake.DeltaTables;

import static org.apache.spark.sql.functions.col;

import com.connekz.pipeline.ingest.Source;
import com.connekz.pipeline.lake.Lake;
import com.connekz.pipeline.lake.VersionScan;
import com.connekz.pipeline.run.CodeVersion;
import com.connekz.pipeline.run.ConfigHash;
import com.connekz.pipeline.run.RunContext;
import com.connekz.pipeline.run.Stage;
import com.connekz.pipeline.run.StageResult;
import com.connekz.pipeline.spark.ConcurrentJobs;
import com.connekz.pipeline.tenancy.Tenant;
import com.connekz.pipeline.tenancy.TenantGuard;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code build} stage: silver → one gold table per tenant ({@code gold/assistant},
 * {@code gold/instances/<id>}). Reads every input at one pinned version and records those versions in
 * each commit's metadata; a table whose examples did not change gets no new version. New tables and
 * tables that only gain examples are written together ({@link GoldFanOut}); the others one by one.
 */
public final class BuildStage implements Stage {
    public static final String NAME = "build";
    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StageResult run(RunContext context) {
        SparkSession spark = context.spark();
        Lake lake = context.lake();
        StageResult.Builder result = StageResult.builder(NAME);
        Map<String, Long> inputs = new LinkedHashMap<>();
        Map<Source, Dataset<Row>> silver = new LinkedHashMap<>();
        for (Source source : Source.content()) {
            String path = lake.silver(source);
            OptionalLong version = DeltaTables.version(spark, path);
            if (version.isPresent()) {
                inputs.put("silver/" + source.folder(), version.getAsLong());
                silver.put(source, spark.read().format("delta").option("versionAsOf", version.getAsLong()).load(path));
            }
        }
        for (Source policy : List.of(Source.CONSENT, Source.ACCOUNTS)) {
            DeltaTables.version(spark, lake.bronze(policy))
                    .ifPresent(v -> inputs.put("bronze/" + policy.folder(), v));
        }
        inputs.forEach(result::input);
        BuildMetadata metadata = new BuildMetadata(context.runId(), CodeVersion.current(),
                ConfigHash.of(context.config()), inputs);

        TreeSet<String> datasets = new TreeSet<>(GoldTables.list(spark, lake));
        Dataset<Row> examples = null;
        Map<String, ContentFingerprint> fingerprints = Map.of();
        if (!silver.isEmpty()) {
            examples = new ExampleBuilder(context.keyedHash()).build(silver).persist();
            fingerprints = ContentFingerprint.perTenant(examples);
            long unknownTenant = 0;
            for (Map.Entry<String, ContentFingerprint> tenant : fingerprints.entrySet()) {
                Optional<String> name = GoldTables.nameOf(tenant.getKey());
                if (name.isPresent()) {
                    datasets.add(name.get());
                } else {
                    // Fail closed: an example whose tenant is unknown belongs to no dataset.
                    unknownTenant += tenant.getValue().examples();
                }
            }
            result.metric("examples_unknown_tenant", unknownTenant);
        }
        GoldContents contents = new GoldContents(spark, lake.system(GoldContents.FOLDER));
        Map<String, GoldContents.Holding> held = contents.latest();
        List<GoldContents.Holding> learned = new ArrayList<>();
        Dataset<Row> built = examples;
        Map<String, ContentFingerprint> wantedContent = fingerprints;
        Map<String, OptionalLong> latest = new LinkedHashMap<>();
        datasets.forEach(name -> latest.put(name, DeltaTables.version(spark, lake.gold(name))));
        try (GoldDiff diff = examples == null ? GoldDiff.none()
                : GoldDiff.of(spark, examples, changedTables(lake, latest, held, fingerprints))) {
            GoldWriter writer = new GoldWriter(spark);
            List<String> together = examples == null ? List.of()
                    : GoldFanOut.chosen(List.copyOf(datasets), latest, wantedContent, diff);
            List<Built> all = writer.committingAs(metadata, () -> {
                List<Built> done = new ArrayList<>();
                Map<String, GoldWriter.Change> added = together.isEmpty() ? Map.of()
                        : new GoldFanOut(spark, lake).write(together, latest, built, diff);
                added.forEach((name, change) -> done.add(new Built(name, latest.get(name),
                        holds(Optional.ofNullable(held.get(name)), latest.get(name)), wanted(wantedContent, name), change)));
                List<String> alone = datasets.stream().filter(name -> !added.containsKey(name)).toList();
                done.addAll(ConcurrentJobs.map(alone, ConcurrentJobs.threadsFor(spark), name -> buildOne(spark, lake,
                        name, built, wanted(wantedContent, name), latest.get(name), Optional.ofNullable(held.get(name)),
                        writer, diff)));
                return done;
            });
            for (Built one : all) {
                one.count(result).ifPresent(learned::add);
            }
            contents.record(learned, context.runId());
        } finally {
            if (examples != null) {
                examples.unpersist();
            }
        }
        return result.build();
    }

    /** How one dataset was built: its latest version before, what that was known to hold, and the change. */
    private record Built(String name, OptionalLong before, Optional<ContentFingerprint> holds,
                         ContentFingerprint fingerprint, GoldWriter.Change change) {
        /**
         * Adds this dataset's counts to the stage's. Returns what its latest version holds when that
         * is newly known: a new version, or an unchanged one that had no record.
         */
        Optional<GoldContents.Holding> count(StageResult.Builder result) {
            result.metric("examples_inserted", change.inserted());
            result.metric("examples_updated", change.updated());
            result.metric("examples_deleted", change.deleted());
            if (change.committed()) {
                result.output("gold/" + name, change.version().getAsLong());
                return Optional.of(new GoldContents.Holding(name, change.version().getAsLong(), fingerprint));
            }
            result.metric("datasets_unchanged", 1);
            // Found unchanged without a record, the version holds exactly what was wanted.
            return before.isPresent() && holds.isEmpty()
                    ? Optional.of(new GoldContents.Holding(name, before.getAsLong(), fingerprint))
                    : Optional.empty();
        }
    }

    /**
     * The existing tables whose latest version is not known to hold what is wanted now, by tenant:
     * the ones {@link GoldDiff} compares.
     */
    private static Map<String, VersionScan.Wanted> changedTables(Lake lake, Map<String, OptionalLong> latest,
            Map<String, GoldContents.Holding> held, Map<String, ContentFingerprint> wanted) {
        Map<String, VersionScan.Wanted> changed = new LinkedHashMap<>();
        latest.forEach((name, version) -> {
            String tenant = Tenant.ofDataset(name).value();
            GoldContents.Holding holding = held.get(name);
            boolean known = holding != null && version.isPresent() && holding.version() == version.getAsLong()
                    && holding.fingerprint().equals(wanted.getOrDefault(tenant, ContentFingerprint.NONE));
            if (version.isPresent() && !known) {
                changed.put(tenant, new VersionScan.Wanted(lake.gold(name), version.getAsLong()));
            }
        });
        return changed;
    }

    /** What the table's latest version ({@code before}) is known to hold. */
    private static Optional<ContentFingerprint> holds(Optional<GoldContents.Holding> held, OptionalLong before) {
        return held.filter(h -> before.isPresent() && h.version() == before.getAsLong())
                .map(GoldContents.Holding::fingerprint);
    }

    private static ContentFingerprint wanted(Map<String, ContentFingerprint> byTenant, String dataset) {
        return byTenant.getOrDefault(Tenant.ofDataset(dataset).value(), ContentFingerprint.NONE);
    }

    /** Brings one dataset to its tenant's examples ({@code examples} null: none at all). */
    private static Built buildOne(SparkSession spark, Lake lake, String name, Dataset<Row> examples,
            ContentFingerprint fingerprint, OptionalLong before, Optional<GoldContents.Holding> held, GoldWriter writer,
            GoldDiff diff) {
        String path = lake.gold(name);
        Tenant tenant = Tenant.ofDataset(name);
        Optional<GoldDiff.Counts> difference = diff.counts(tenant.value());
        Dataset<Row> rows;
        if (examples == null) {
            rows = spark.createDataFrame(List.of(), spark.read().format("delta").load(path).schema());
        } else {
            rows = examples.filter(col(Tenant.COLUMN).equalTo(tenant.value()));
        }
        Optional<ContentFingerprint> holds = holds(held, before);
        GoldWriter.Change[] written = new GoldWriter.Change[1];
        TenantGuard.writeChecked(rows, tenant, "gold/" + name,
                checked -> written[0] = writer.write(path, checked, fingerprint, before, holds, difference));
        return new Built(name, before, holds, fingerprint, written[0]);
    }
}
