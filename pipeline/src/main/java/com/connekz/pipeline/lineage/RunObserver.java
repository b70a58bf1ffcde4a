package com.connekz.pipeline.lineage;

import com.connekz.pipeline.run.RunContext;
import com.connekz.pipeline.run.StageResult;

/** Told of every stage as it starts, completes or fails, e.g. to emit lineage events. */
public interface RunObserver {

    void started(RunContext context, String stage);

    void completed(RunContext context, StageResult result);

    void failed(RunContext context, String stage, String reason);

    /** Observes nothing. */
    RunObserver NONE = new RunObserver() {
        @Override
        public void started(RunContext context, String stage) {}

        @Override
        public void completed(RunContext context, StageResult result) {}

        @Override
        public void failed(RunContext context, String stage, String reason) {}
    };
}
