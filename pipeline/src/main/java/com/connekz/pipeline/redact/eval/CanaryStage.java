package com.connekz.pipeline.redact.eval;

import com.connekz.pipeline.redact.RedactionEngine;
import com.connekz.pipeline.run.RunContext;
import com.connekz.pipeline.run.Stage;
import com.connekz.pipeline.run.StageResult;
import java.util.List;
import java.util.Map;

/**
 * Scores the configured redaction engine on the shipped labelled canary set before anything is
 * redacted. Recall per type goes into the run report (in thousandths); a type below
 * {@code redaction.canary_floor} fails the run before any data is governed or published.
 */
public final class CanaryStage implements Stage {
    public static final String NAME = "canary";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StageResult run(RunContext context) {
        RedactionEngine engine = RedactionEngine.of(context.config().redaction().loadPolicy(), context.hashKey());
        Map<String, Double> recall = Canary.recallByType(engine);
        StageResult.Builder result = StageResult.builder(NAME);
        recall.forEach((type, value) -> result.metric("recall_permille." + type, Math.round(value * 1000)));
        List<String> below = Canary.typesBelow(recall, context.config().redaction().canaryFloor());
        if (!below.isEmpty()) {
            throw new IllegalStateException("redaction canary below the floor "
                    + context.config().redaction().canaryFloor() + " for " + below);
        }
        return result.build();
    }
}
