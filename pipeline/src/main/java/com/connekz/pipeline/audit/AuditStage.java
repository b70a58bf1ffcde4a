package com.connekz.pipeline.audit;

import com.connekz.pipeline.datasets.GoldTables;
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
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The audit gate. Runs the audits over every gold table; when all pass, publishes each table's
 * latest version (with a manifest) so that {@code datasets} and training launches may use it. When
 * any fails, it publishes nothing and fails the run, naming the audit and the table, never data.
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
        IsolationVerdict isolation = new IsolationAudit(spark, lake).run();
        result.metric("isolation_violations", isolation.violations().size())
                .metric("versions_checked", isolation.versionsChecked())
                .metric("unreadable_versions", isolation.unreadable().size());
        if (!isolation.passed()) {
            throw new AuditFailure("isolation audit failed, nothing published: " + String.join("; ", isolation.lines()));
        }
        Map<String, Long> latest = new LinkedHashMap<>();
        for (String dataset : GoldTables.list(spark, lake)) {
            DeltaTables.version(spark, lake.gold(dataset)).ifPresent(v -> latest.put(dataset, v));
        }
        Publications publications = new Publications(spark, lake.system("publications"));
        Map<String, Long> fresh = new LinkedHashMap<>();
        latest.forEach((dataset, version) -> {
            result.input("gold/" + dataset, version);
            if (publications.find(dataset, version).isEmpty()) {
                fresh.put(dataset, version);
            }
        });
        String audits = auditsJson(isolation);
        publications.publish(fresh, context.runId(), context.startedAt(), audits);
        fresh.forEach((dataset, version) -> writeManifest(spark, lake, dataset, version, context.runId(), audits));
        result.metric("published_versions", fresh.size());
        return result.build();
    }

    private static String auditsJson(IsolationVerdict isolation) {
        ObjectNode audits = JSON.createObjectNode();
        audits.putObject("isolation").put("passed", isolation.passed())
                .put("versions_checked", isolation.versionsChecked())
                .put("unreadable_versions", isolation.unreadable().size());
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
