package com.connekz.jobs;

import com.connekz.pipeline.audit.AuditStage;
import com.connekz.pipeline.datasets.BuildStage;
import com.connekz.pipeline.deletion.DeletionStage;
import com.connekz.pipeline.deletion.Tombstones;
import com.connekz.pipeline.govern.GovernStage;
import com.connekz.pipeline.ingest.IngestStage;
import com.connekz.pipeline.redact.eval.CanaryStage;
import com.connekz.pipeline.redact.spark.DroppingRedactionHook;
import com.connekz.pipeline.redact.spark.SparkRedaction;
import com.connekz.pipeline.run.RunContext;
import com.connekz.pipeline.run.Stage;
import java.util.List;

/** The pipeline's stages as the commands run them, wired in one place. */
final class Stages {
    private Stages() {}

    /** Ingestion that never lets a record whose deletion was requested back in. */
    static Stage ingest(RunContext context) {
        Tombstones tombstones = new Tombstones(context.spark(), context.lake());
        return new IngestStage((candidates, source) -> tombstones.excludeFrom(candidates, source, context.keyedHash()));
    }

    static Stage delete(RunContext context) {
        return new DeletionStage();
    }

    /** Governance with redaction: silver holds redacted text only; examples of drop-listed types stay out. */
    static Stage govern(RunContext context) {
        SparkRedaction redaction = new SparkRedaction(context.config().redaction().loadPolicy(), context.hashKey());
        return new GovernStage(new DroppingRedactionHook(redaction));
    }

    static Stage build(RunContext context) {
        return new BuildStage();
    }

    static Stage audit(RunContext context) {
        return new AuditStage();
    }

    /**
     * The nightly order: the redaction canary first (a weakened engine redacts nothing), and deletions
     * before anything is governed or built from the data they name.
     */
    static List<Stage> nightly(RunContext context) {
        return List.of(new CanaryStage(), ingest(context), delete(context), govern(context), build(context),
                audit(context));
    }
}
