package com.connekz.jobs;

import com.connekz.pipeline.audit.ConsentAudit;
import com.connekz.pipeline.audit.ConsentVerdict;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code audit consent NAME [--version N]}: exits 1 when an example lacks consent, like {@code audit isolation}. */
@Command(name = "consent", mixinStandardHelpOptions = true,
        description = "Prove every example's subject held the needed consent at its time and as of the build; exit 1 otherwise.")
final class AuditConsentCommand implements Callable<Integer> {
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
        ConsentVerdict verdict = RunSupport.ask(common, "audit consent", context -> new ConsentAudit(context.spark(), context.lake(), context.keyedHash()).audit(name, Optional.ofNullable(version)));
        Printer.print(spec.commandLine().getOut(), common.json(), verdict, String.join("\n", verdict.lines()) + "\n");
        return verdict.passed() ? 0 : 1;
    }
}
