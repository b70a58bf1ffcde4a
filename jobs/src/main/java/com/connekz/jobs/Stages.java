package com.connekz.jobs;

import com.connekz.pipeline.ingest.IngestStage;
import com.connekz.pipeline.ingest.RecordFilter;
import com.connekz.pipeline.run.RunContext;
import com.connekz.pipeline.run.Stage;
import java.util.List;

/** The pipeline's stages as the commands run them, wired in one place. */
final class Stages {
    private Stages() {}

    static Stage ingest(RunContext context) {
        return new IngestStage(RecordFilter.NONE);
    }

    /** The nightly order: deletions apply before anything is built from the data they name. */
    static List<Stage> nightly(RunContext context) {
        return List.of(ingest(context));
    }
}
