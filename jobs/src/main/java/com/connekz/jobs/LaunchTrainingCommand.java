package com.connekz.jobs;

import com.connekz.pipeline.config.PipelineConfig;
import com.connekz.pipeline.launch.AirflowClient;
import com.connekz.pipeline.launch.AirflowException;
import com.connekz.pipeline.launch.DagRun;
import com.connekz.pipeline.launch.DagRunState;
import com.connekz.pipeline.launch.LaunchRefusedException;
import com.connekz.pipeline.launch.LakePublishedVersions;
import com.connekz.pipeline.launch.PublishedVersions;
import com.connekz.pipeline.lake.Lake;
import com.connekz.pipeline.spark.Sparks;
import org.apache.spark.sql.SparkSession;
import com.connekz.pipeline.launch.TrainingLaunch;
import com.connekz.pipeline.launch.TrainingLauncher;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code launch-training}: starts a training run on a pinned dataset version that passed its audits,
 * by triggering an Airflow DAG with the version in the run's conf. Exit status 0 when the run was
 * triggered (with {@code --wait}: when it succeeded), 1 when it was refused, failed or not reachable.
 */
@Command(name = "launch-training",
        description = "Trigger a training DAG run on an audited dataset version")
public final class LaunchTrainingCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    CommonOptions common;

    @Option(names = "--dataset", required = true, paramLabel = "NAME",
            description = "dataset name: its path under gold/ (assistant, instances/<instance_id>)")
    String dataset;

    @Option(names = "--version", paramLabel = "N", description = "dataset version (default: the latest)")
    Long version;

    @Option(names = "--dag", required = true, paramLabel = "ID", description = "the training DAG's id")
    String dagId;

    @Option(names = "--wait", description = "print the run's state until it finishes; exit 1 if it fails")
    boolean await;

    @Option(names = "--poll-seconds", defaultValue = "15", description = "seconds between polls with --wait (default: ${DEFAULT-VALUE})")
    long pollSeconds;

    @Option(names = "--timeout-minutes", defaultValue = "720", description = "give up waiting after this long (default: ${DEFAULT-VALUE})")
    long timeoutMinutes;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    @Spec
    CommandSpec spec;

    private final Function<PipelineConfig, PublishedVersions> versionsOf;
    private final Map<String, String> environment;
    private final Clock clock;

    public LaunchTrainingCommand() {
        this(LaunchTrainingCommand::publishedVersionsOnTheLake, System.getenv(), Clock.systemUTC());
    }

    LaunchTrainingCommand(Function<PipelineConfig, PublishedVersions> versionsOf, Map<String, String> environment, Clock clock) {
        this.versionsOf = versionsOf;
        this.environment = environment;
        this.clock = clock;
    }

    /** Where the published versions and their audit verdicts are read from in the lake. */
    static PublishedVersions publishedVersionsOnTheLake(PipelineConfig config) {
        SparkSession spark = Sparks.session(config, System.getenv());
        return new LakePublishedVersions(spark, new Lake(config.lake()));
    }

    @Override
    public Integer call() {
        PipelineConfig config = common.config();
        PrintWriter out = spec.commandLine().getOut();
        try {
            AirflowClient airflow = AirflowClient.fromConfig(config.airflow(), environment);
            TrainingLauncher launcher = new TrainingLauncher(versionsOf.apply(config), airflow, clock);
            TrainingLaunch launch = launcher.launch(dataset,
                    version == null ? OptionalLong.empty() : OptionalLong.of(version), dagId);
            if (!common.json()) {
                out.printf("triggered run %s of DAG %s on dataset %s version %d%n", launch.run().runId(), dagId,
                        launch.version().dataset(), launch.version().version());
            }
            DagRun last = launch.run();
            if (await) {
                last = airflow.awaitCompletion(dagId, last.runId(), Duration.ofSeconds(pollSeconds),
                        Duration.ofMinutes(timeoutMinutes), run -> {
                            if (!common.json()) {
                                out.printf("%s: %s%n", run.runId(), run.state());
                                out.flush();
                            }
                        });
            }
            boolean failed = last.state() == DagRunState.FAILED;
            report(out, launch, last, failed ? "the training run failed" : "");
            return failed ? 1 : 0;
        } catch (LaunchRefusedException | AirflowException e) {
            spec.commandLine().getErr().println("launch-training: " + e.getMessage());
            if (common.json()) {
                out.println(json(Map.of("status", "failed", "reason", e.getMessage())));
            }
            return 1;
        }
    }

    private void report(PrintWriter out, TrainingLaunch launch, DagRun run, String reason) {
        if (!common.json()) {
            if (!reason.isEmpty()) {
                spec.commandLine().getErr().println("launch-training: " + reason);
            }
            return;
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("run_id", run.runId());
        report.put("dag_id", dagId);
        report.put("state", run.state().toString());
        report.put("status", reason.isEmpty() ? "succeeded" : "failed");
        report.put("reason", reason);
        report.put("conf", launch.conf());
        out.println(json(report));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
