package com.connekz.jobs;

import com.connekz.pipeline.bench.Bench;
import com.connekz.pipeline.bench.Measurement;
import com.connekz.pipeline.bench.StageProfile;
import com.connekz.pipeline.config.PipelineConfig;
import com.connekz.pipeline.spark.Sparks;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Generate data, time each nightly stage beside a bare Spark copy of the same files, print the ratios.")
final class BenchCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--records", description = "about how many landing records to generate (default: ${DEFAULT-VALUE})",
            defaultValue = "1000000")
    long records;

    @Option(names = "--days", description = "days of traffic in the first night; the incremental night lands one more"
            + " day, about 1/days of the data (default: ${DEFAULT-VALUE})", defaultValue = "10")
    int days;

    @Option(names = "--deleted-users", description = "users erased in the deletion night, 0 to skip it"
            + " (default: ${DEFAULT-VALUE})", defaultValue = "100")
    int deletedUsers;

    @Option(names = "--stages", split = ",", description = "only these nightly stages, in nightly order (default: all)")
    java.util.Set<String> only;

    @Option(names = "--profile", description = "after each stage, print to standard error where its time went:"
            + " the longest Spark queries and the line of code that ran each")
    boolean profile;

    @Option(names = "--work", description = "scratch folder (default: a new temporary folder)")
    Path work;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PipelineConfig config = common.config();
        SparkSession spark = Sparks.session(config, System.getenv());
        try {
            Path folder = work != null ? Files.createDirectories(work) : Files.createTempDirectory("pipeline-bench");
            PrintWriter out = spec.commandLine().getOut();
            if (!common.json()) {
                out.printf("%-12s %-9s %10s %8s %9s %11s %8s %8s %8s %9s %7s  %s%n", "night", "step", "records", "MB",
                        "seconds", "records/s", "MB/s", "heap MB", "kept MB", "driver MB", "ratio", "baseline (seconds)");
                out.flush();
            }
            PrintWriter err = spec.commandLine().getErr();
            StageProfile stageProfile = profile ? StageProfile.printing(spark, text -> {
                err.print(text);
                err.flush();
            }) : StageProfile.off();
            List<Measurement> figures = new Bench(spark, config, RunSupport.hashKey(config), folder, stageProfile)
                    .run(records, days, deletedUsers, context -> Stages.nightly(context).stream()
                            .filter(stage -> only == null || only.contains(stage.name())).toList(),
                            night -> printNight(out, night));
            if (common.json()) {
                out.println(json(figures));
            } else {
                out.println("bare copy: read the landed JSON with the contract schema, write Delta;"
                        + " full rewrite: read and overwrite every bronze, silver and gold table;"
                        + " heap: sum of the heap pools' peaks; kept: most heap in use right after a collection;"
                        + " driver: kept less Spark's cache and execution memory at the time (the local executor's)");
            }
            out.flush();
            return 0;
        } finally {
            spark.stop();
        }
    }

    /** Prints a night's rows as soon as it is done (a long benchmark shows its figures as it goes). */
    private void printNight(PrintWriter out, List<Measurement> night) {
        if (common.json()) {
            return;
        }
        for (Measurement m : night) {
            out.printf("%-12s %-9s %10d %8.1f %9.2f %11.0f %8.2f %8.0f %8.0f %9.0f %7.2f  %s (%.2f)%n", m.night(),
                    m.step(), m.records(), m.bytes() / 1e6, m.time().toNanos() / 1e9, m.recordsPerSecond(),
                    m.megabytesPerSecond(), m.peakHeapBytes() / 1e6, m.retainedHeapBytes() / 1e6,
                    m.driverOwnHeapBytes() / 1e6, m.ratio(), m.baselineName(), m.baseline().toNanos() / 1e9);
        }
        out.flush();
    }

    private static String json(List<Measurement> figures) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode steps = root.putArray("steps");
        for (Measurement m : figures) {
            steps.addObject().put("night", m.night()).put("step", m.step()).put("records", m.records()).put("bytes", m.bytes())
                    .put("seconds", m.time().toNanos() / 1e9).put("records_per_second", m.recordsPerSecond())
                    .put("mb_per_second", m.megabytesPerSecond()).put("peak_heap_bytes", m.peakHeapBytes())
                    .put("retained_heap_bytes", m.retainedHeapBytes()).put("driver_own_heap_bytes", m.driverOwnHeapBytes())
                    .put("baseline", m.baselineName()).put("baseline_seconds", m.baseline().toNanos() / 1e9).put("ratio", m.ratio());
        }
        return mapper.writeValueAsString(root);
    }
}
