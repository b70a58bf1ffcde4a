package com.connekz.jobs;

import com.connekz.pipeline.audit.DeletionAudit;
import com.connekz.pipeline.deletion.LedgerEntry;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code audit deletion REQUEST_ID}; exit status 1 when the ledger has no such request. */
@Command(name = "deletion", mixinStandardHelpOptions = true,
        description = "When and where a deletion request was applied and purged.")
final class AuditDeletionCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "REQUEST_ID")
    String requestId;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Optional<LedgerEntry> entry = RunSupport.ask(common, "audit deletion", context -> new DeletionAudit(context.spark(), context.lake(), context.keyedHash()).find(requestId));
        if (entry.isEmpty()) {
            spec.commandLine().getErr().println("pipeline: no deletion request with that id in the ledger");
            return 1;
        }
        LedgerEntry e = entry.get();
        String text = "deletion request (scope " + e.scope() + ", status " + e.status() + ")\n"
                + "  requested " + e.requestedAt() + "\n"
                + "  applied   " + e.appliedAt() + " by run " + e.appliedRunId() + "\n"
                + "  rows      " + e.deletedRows() + "\n"
                + "  versions  " + e.appliedVersions() + "\n"
                + "  purged    " + (e.purgedAt() == null ? "not yet (waits for deletion.retention_hours)" : e.purgedAt()
                        + " by run " + e.purgedRunId()) + "\n";
        Printer.print(spec.commandLine().getOut(), common.json(), e, text);
        return 0;
    }
}
