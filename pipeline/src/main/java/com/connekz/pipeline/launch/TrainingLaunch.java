package com.connekz.pipeline.launch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A training run started on a pinned dataset version.
 *
 * @param version the dataset version it trains on
 * @param dagId   the training DAG
 * @param run     the DAG run Airflow created
 * @param conf    the conf the run got: {@code dataset}, {@code dataset_path}, {@code version}, {@code manifest}
 */
public record TrainingLaunch(PublishedVersion version, String dagId, DagRun run, Map<String, Object> conf) {
    public TrainingLaunch {
        conf = Collections.unmodifiableMap(new LinkedHashMap<>(conf));
    }
}
