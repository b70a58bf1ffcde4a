package com.connekz.jobs;

import com.connekz.pipeline.audit.IsolationAudit;
import com.connekz.pipeline.audit.IsolationVerdict;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code audit isolation}: exits 1 when any row sits in a table that is not its tenant's. */
@Command(name = "isolation", mixinStandardHelpOptions = true,
        description = "Prove that no instance's data is anywhere but its own dataset, in every retained version; exit 1 on a violation.")
final class AuditIsolationCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        IsolationVerdict verdict = RunSupport.ask(common, "audit isolation",
                context -> new IsolationAudit(context.spark(), context.lake()).run());
        Printer.print(spec.commandLine().getOut(), common.json(), verdict, String.join("\n", verdict.lines()) + "\n");
        return verdict.passed() ? 0 : 1;
    }
}
