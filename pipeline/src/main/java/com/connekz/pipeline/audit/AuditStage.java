package com.connekz.pipeline.audit;

import static org.apache.spark.sql.functions.col;

import com.connekz.pipeline.datasets.Datasets;
import com.connekz.pipeline.datasets.GoldTables;
import com.connekz.pipeline.datasets.RecordKeys;
import com.connekz.pipeline.ingest.Source;
import com.connekz.pipeline.tenancy.Tenant;
import com.connekz.pipeline.datasets.Publications;
import com.connekz.pipeline.lake.DeltaTables;
import com.connekz.pipeline.lake.Lake;
import com.connekz.pipeline.run.RunContext;
import com.connekz.pipeline.run.Stage;
import com.connekz.pipeline.run.StageResult;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The audit gate. Runs the isolation audit over every gold table and the consent audit over every
 * version about to be published; when all pass, publishes each table's latest version (with a
 * manifest) so that {@code datasets} and training launches may use it. When any fails, it publishes
 * nothing and fails the run, naming the audit and the table, never data.
 */
public final class AuditStage implements Stage {
    public static final String NAME = "audit";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StageResult run(RunContext context) {
        SparkSession spark = context.spark();
        Lake lake = context.lake();
        StageResult.Builder result = StageResult.builder(NAME);
        IsolationChecks checks = new IsolationChecks(spark, lake.system(IsolationChecks.FOLDER));
        IsolationVerdict isolation = new IsolationAudit(spark, lake).run(checks.all(), landedTenants(context));
        result.metric("isolation_violations", isolation.violations().size())
                .metric("versions_checked", isolation.versionsChecked())
                .metric("versions_already_checked", isolation.versionsAlreadyChecked())
                .metric("api_requests_not_landed", isolation.requestsNotLanded())
                .metric("unreadable_versions", isolation.unreadable().size());
        if (!isolation.passed()) {
            throw new AuditFailure("isolation audit failed, nothing published: " + String.join("; ", isolation.lines()));
        }
        checks.record(isolation.read(), context.runId(), context.startedAt());
        Map<String, Long> latest = new LinkedHashMap<>();
        for (String dataset : GoldTables.list(spark, lake)) {
            DeltaTables.version(spark, lake.gold(dataset)).ifPresent(v -> latest.put(dataset, v));
        }
        Publications publications = new Publications(spark, lake.system("publications"));
        Set<Publications.Published> published = publications.all();
        Map<String, Long> fresh = new LinkedHashMap<>();
        latest.forEach((dataset, version) -> {
            result.input("gold/" + dataset, version);
            if (!published.contains(new Publications.Published(dataset, version))) {
                fresh.put(dataset, version);
            }
        });
        Map<String, ConsentVerdict> consent = consentOf(context, fresh);
        List<String> refused = new ArrayList<>();
        consent.values().forEach(verdict -> {
            result.metric("consent_examples_checked", verdict.examplesChecked());
            result.metric("consent_failures", verdict.failed());
            result.metric("consent_withdrawn_since_build", verdict.withdrawnSinceBuild());
            if (!verdict.passed()) {
                refused.add("gold/" + verdict.dataset() + " v" + verdict.version() + " " + verdict.failedByReason());
            }
        });
        if (!refused.isEmpty()) {
            throw new AuditFailure("consent audit failed, nothing published: " + String.join("; ", refused));
        }
        Map<Publications.Published, String> auditsByVersion = new LinkedHashMap<>();
        fresh.forEach((dataset, version) -> auditsByVersion.put(new Publications.Published(dataset, version),
                auditsJson(isolation, consent.get(dataset))));
        publications.publish(auditsByVersion, context.runId(), context.startedAt());
        auditsByVersion.forEach((version, audits) ->
                writeManifest(spark, lake, version.dataset(), version.version(), context.runId(), audits));
        if (!fresh.isEmpty()) {
            DeltaTables.version(spark, lake.system("publications")).ifPresent(v -> result.output("_system/publications", v));
        }
        result.metric("published_versions", fresh.size());
        return result.build();
    }

    /** Each landed API request as its keyed source key and the tenant of its instance; null before any landed. */
    private static Dataset<Row> landedTenants(RunContext context) {
        String api = context.lake().bronze(Source.API);
        if (!DeltaTables.exists(context.spark(), api)) {
            return null;
        }
        return context.spark().read().format("delta").load(api).select(
                RecordKeys.record(context.keyedHash(), Source.API, col(Source.API.naturalKey())).as("key"),
                Tenant.of(Source.API).as("tenant"));
    }

    /** The consent verdict of each version about to be published; a version built by this run is judged as of its start. */
    private static Map<String, ConsentVerdict> consentOf(RunContext context, Map<String, Long> fresh) {
        Datasets datasets = new Datasets(context.spark(), context.lake());
        Map<String, Optional<Instant>> runStarts = new HashMap<>();
        // The gate runs inside the build's run, before the ledger holds it.
        runStarts.put(context.runId(), Optional.of(context.startedAt()));
        Function<String, Optional<Instant>> runStart = runId -> runStarts.computeIfAbsent(runId,
                id -> DatasetBuild.runStart(context.spark(), context.lake(), id));
        List<DatasetBuild> builds = new ArrayList<>();
        fresh.forEach((dataset, version) -> builds.add(DatasetBuild.of(datasets, dataset, Optional.of(version), runStart)));
        Map<String, ConsentVerdict> verdicts = new LinkedHashMap<>();
        new ConsentAudit(context.spark(), context.lake(), context.keyedHash()).auditAll(builds)
                .forEach(verdict -> verdicts.put(verdict.dataset(), verdict));
        return verdicts;
    }

    private static String auditsJson(IsolationVerdict isolation, ConsentVerdict consent) {
        ObjectNode audits = JSON.createObjectNode();
        audits.putObject("isolation").put("passed", isolation.passed())
                .put("versions_checked", isolation.versionsChecked())
                .put("unreadable_versions", isolation.unreadable().size());
        if (consent != null) {
            audits.putObject("consent").put("passed", consent.passed())
                    .put("examples_checked", consent.examplesChecked())
                    .put("withdrawn_since_build", consent.withdrawnSinceBuild())
                    .put("as_of_build", consent.basis().asOfBuild());
        }
        return audits.toString();
    }

    private static void writeManifest(SparkSession spark, Lake lake, String dataset, long version, String runId,
            String audits) {
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("dataset", dataset).put("version", version).put("path", lake.gold(dataset))
                .put("published_by_run", runId);
        try {
            manifest.set("audits", JSON.readTree(audits));
            Path path = new Path(Publications.manifest(lake, dataset, version));
            FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            try (OutputStream out = fs.create(path, true)) {
                out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest).getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the manifest of " + dataset + " v" + version, e);
        }
    }
}
