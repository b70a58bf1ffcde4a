package com.connekz.pipeline.launch;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Starts training runs on pinned, audited dataset versions: resolves the version, refuses one that
 * did not pass its audits, and triggers the training DAG with the version in the run's conf.
 */
public final class TrainingLauncher {
    private static final DateTimeFormatter RUN_ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final PublishedVersions versions;
    private final AirflowClient airflow;
    private final Clock clock;

    public TrainingLauncher(PublishedVersions versions, AirflowClient airflow, Clock clock) {
        this.versions = versions;
        this.airflow = airflow;
        this.clock = clock;
    }

    /**
     * Triggers {@code dagId} on the dataset version (the latest when {@code version} is empty).
     *
     * @throws LaunchRefusedException when the version does not exist or has not passed its audits;
     *                                Airflow is not called then
     * @throws AirflowException       when Airflow refuses the run or cannot be reached
     */
    public TrainingLaunch launch(String dataset, OptionalLong version, String dagId) {
        String which = "dataset " + dataset + (version.isPresent() ? " version " + version.getAsLong() : " (latest)");
        PublishedVersion pinned = versions.find(dataset, version)
                .orElseThrow(() -> new LaunchRefusedException("no published " + which));
        if (!pinned.audit().passedAudits()) {
            throw new LaunchRefusedException("dataset " + dataset + " version " + pinned.version()
                    + " has not passed its audits (" + pinned.audit().status().name().toLowerCase(Locale.ROOT)
                    + (pinned.audit().reason().isBlank() ? "" : ": " + pinned.audit().reason()) + ")");
        }
        Map<String, Object> conf = conf(pinned);
        DagRun run = airflow.trigger(dagId, runId(pinned), conf);
        return new TrainingLaunch(pinned, dagId, run, conf);
    }

    /** The conf a training DAG reads its dataset from. */
    static Map<String, Object> conf(PublishedVersion pinned) {
        Map<String, Object> conf = new LinkedHashMap<>();
        conf.put("dataset", pinned.dataset());
        conf.put("dataset_path", pinned.path());
        conf.put("version", pinned.version());
        conf.put("manifest", pinned.manifest());
        return conf;
    }

    /** A run id that names the version and stays within Airflow's allowed characters. */
    String runId(PublishedVersion pinned) {
        String dataset = pinned.dataset().replaceAll("[^A-Za-z0-9_.~:+-]", ".");
        return "training__" + dataset + "__v" + pinned.version() + "__" + RUN_ID_TIME.format(clock.instant());
    }
}
