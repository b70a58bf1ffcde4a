package com.connekz.pipeline.run;

import com.connekz.pipeline.lineage.RunObserver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a list of stages in order, stops at the first that fails, and records the run in the run
 * ledger whatever the outcome. A failed run's report names the failing stage and a one-line reason.
 */
public final class PipelineRun {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineRun.class);

    private PipelineRun() {}

    public static RunReport execute(RunContext context, List<Stage> stages) {
        return execute(context, stages, RunObserver.NONE);
    }

    /** Runs the stages, telling {@code observer} of each stage's start and end. */
    public static RunReport execute(RunContext context, List<Stage> stages, RunObserver observer) {
        List<StageResult> done = new ArrayList<>();
        Map<String, RunLedger.Span> spans = new LinkedHashMap<>();
        String failedStage = null;
        String reason = null;
        for (Stage stage : stages) {
            try {
                LOG.info("run {}: stage {} starting", context.runId(), stage.name());
                observer.started(context, stage.name());
                Instant started = Instant.now();
                spans.put(stage.name(), new RunLedger.Span(started, started));
                StageResult result = stage.run(context);
                spans.put(stage.name(), new RunLedger.Span(started, Instant.now()));
                done.add(result);
                observer.completed(context, result);
            } catch (RuntimeException e) {
                spans.computeIfPresent(stage.name(), (name, span) -> new RunLedger.Span(span.startedAt(), Instant.now()));
                failedStage = stage.name();
                reason = stage.name() + ": " + oneLine(e);
                LOG.error("run {}: stage {} failed: {}", context.runId(), stage.name(), oneLine(e));
                observer.failed(context, stage.name(), reason);
                break;
            }
        }
        RunReport report = new RunReport(context.runId(), context.command(),
                failedStage == null ? RunReport.SUCCEEDED : RunReport.FAILED, reason, failedStage,
                context.startedAt(), Instant.now(), CodeVersion.current(), ConfigHash.of(context.config()), done);
        new RunLedger(context.spark(), context.lake().runs()).record(report, RedactionPolicyVersion.of(context.config()), spans);
        return report;
    }

    static String oneLine(Throwable error) {
        Throwable root = error;
        String message = error.getMessage();
        while (message == null && root.getCause() != null) {
            root = root.getCause();
            message = root.getMessage();
        }
        String text = message == null ? error.getClass().getSimpleName() : message;
        return text.lines().findFirst().orElse(text);
    }
}
