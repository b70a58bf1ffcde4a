package com.connekz.pipeline.lineage;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * OpenLineage names of the pipeline's jobs and runs. A stage's run id is derived from the pipeline
 * run id and the stage name, so the START and the COMPLETE or FAIL event of one stage share it and
 * the ledger's run id alone is enough to find every event of a run again.
 */
public final class LineageIds {
    /** The namespace of every job this pipeline runs. */
    public static final String JOB_NAMESPACE = "connekz-pipeline";

    private LineageIds() {}

    /** {@code <command>.<stage>}, e.g. {@code nightly.ingest}. */
    public static String stageJob(String command, String stage) {
        return command + "." + stage;
    }

    /** The OpenLineage run id of one stage of a pipeline run; the same for the same inputs. */
    public static UUID stageRun(String pipelineRunId, String stage) {
        return nameUuid(pipelineRunId + "/" + stage);
    }

    /** The OpenLineage run id of the pipeline run as a whole, the parent of its stages' runs. */
    public static UUID pipelineRun(String pipelineRunId) {
        return nameUuid(pipelineRunId);
    }

    private static UUID nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
