package com.connekz.jobs;

import com.connekz.pipeline.audit.ExampleTrace;
import com.connekz.pipeline.audit.ExampleTracer;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code audit trace NAME EXAMPLE_ID [--version N]}: one example's lineage back to its landed lines. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Lineage of one gold example: silver and bronze rows, landed file and line, runs, consent, redaction policy.")
final class AuditTraceCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "NAME", description = "assistant or instances/<instance_id>")
    String name;

    @Parameters(index = "1", paramLabel = "EXAMPLE_ID", description = "the example_id of a gold row")
    String exampleId;

    @Option(names = "--version", description = "the version (default: latest published)")
    Long version;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ExampleTrace trace = RunSupport.ask(common, "audit trace", context -> new ExampleTracer(context.spark(), context.lake(), context.keyedHash())
                    .trace(name, Optional.ofNullable(version), exampleId));
        Printer.print(spec.commandLine().getOut(), common.json(), trace, text(trace));
        return 0;
    }

    static String text(ExampleTrace t) {
        StringBuilder text = new StringBuilder();
        text.append("example ").append(t.exampleId()).append(" (").append(t.kind()).append(", ").append(t.split())
                .append(") in ").append(t.dataset()).append(" v").append(t.version()).append(", built by run ")
                .append(t.buildRunId()).append('\n');
        for (ExampleTrace.SourceRecord r : t.records()) {
            text.append("  ").append(r.source()).append(" record ").append(r.recordKeyHash(), 0, Math.min(12, r.recordKeyHash().length()))
                    .append("…\n    landed ").append(r.landedFile()).append(" line ").append(r.landedLine())
                    .append("\n    ingested by ").append(r.ingestRunId()).append(" at ").append(r.ingestedAt())
                    .append(", bronze v").append(r.bronzeVersion()).append(r.bronzeFound() ? " (found)" : " (NOT FOUND)")
                    .append("\n    governed by ").append(r.governRunId()).append(", silver v").append(r.silverVersion())
                    .append(r.silverFound() ? " (found)" : " (NOT FOUND)")
                    .append(", redaction policy ").append(r.redactionPolicyVersion()).append(", redacted ").append(r.redactedEntities())
                    .append('\n');
            for (ExampleTrace.ConsentEvent e : r.consentEvents()) {
                text.append("    consent ").append(e.purpose()).append(Boolean.TRUE.equals(e.granted()) ? " granted" : " withdrawn")
                        .append(" effective ").append(e.effectiveAt()).append(" (policy ").append(e.policyVersion()).append(")\n");
            }
        }
        for (ExampleTrace.RunStep run : t.runs()) {
            text.append("  run ").append(run.runId()).append(" [").append(run.step()).append("] ").append(run.status())
                    .append(' ').append(run.startedAt()).append(" → ").append(run.endedAt()).append('\n');
        }
        return text.toString();
    }
}
