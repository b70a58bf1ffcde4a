package com.connekz.jobs;

import com.connekz.pipeline.audit.DatasetProvenance;
import com.connekz.pipeline.audit.ProvenanceAudit;
import com.connekz.pipeline.run.RecordedStage;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code audit dataset NAME [--version N]}: where a dataset version came from. */
@Command(name = "dataset", mixinStandardHelpOptions = true,
        description = "Provenance of a dataset version: build metadata, the runs that produced it, publication, counts.")
final class AuditDatasetCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "NAME", description = "assistant or instances/<instance_id>")
    String name;

    @Option(names = "--version", description = "the version (default: latest published)")
    Long version;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DatasetProvenance provenance = RunSupport.ask(common, "audit dataset", context -> new ProvenanceAudit(context.spark(), context.lake()).describe(name, Optional.ofNullable(version)));
        Printer.print(spec.commandLine().getOut(), common.json(), provenance, text(provenance));
        return 0;
    }

    static String text(DatasetProvenance p) {
        StringBuilder text = new StringBuilder();
        text.append(p.dataset()).append(" v").append(p.version()).append(" committed ").append(p.committedAt())
                .append(" (").append(p.operation()).append("), ").append(p.rows()).append(" examples\n");
        text.append("  by kind ").append(p.rowsByKind()).append(", by split ").append(p.rowsBySplit()).append('\n');
        if (p.build() == null) {
            text.append("  build: no build metadata recorded\n");
        } else {
            text.append("  build run ").append(p.build().runId()).append(" started ").append(p.build().buildStartedAt())
                    .append(", code ").append(p.build().codeVersion()).append(", config ").append(p.build().configHash()).append('\n');
            text.append("  inputs ").append(p.build().inputs()).append('\n');
        }
        text.append("  published: ").append(p.published()
                ? "yes, by run " + p.publication().runId() + " at " + p.publication().publishedAt() + ", audits " + p.publication().audits()
                : "no").append('\n');
        text.append("  excluded by reason ").append(p.excludedByReason()).append('\n');
        text.append("  redacted entities ").append(p.redactedEntities()).append('\n');
        text.append("  runs:\n");
        for (RecordedStage stage : p.runs()) {
            text.append("    ").append(stage.runId()).append(' ').append(stage.command()).append(' ').append(stage.stage())
                    .append(' ').append(stage.status()).append(' ').append(stage.startedAt()).append(" → ").append(stage.endedAt());
            if (stage.error() != null) {
                text.append(" error: ").append(stage.error());
            }
            text.append('\n');
        }
        return text.toString();
    }
}
