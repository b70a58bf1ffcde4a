package com.connekz.jobs;

import com.connekz.pipeline.deletion.DeletionHistory;
import com.connekz.pipeline.deletion.LedgerEntry;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code deletions}: every request of the deletion ledger, with the retention it is held to. */
@Command(name = "deletions", mixinStandardHelpOptions = true,
        description = "Every deletion request in the ledger: requested, applied and purged times (keyed hashes only).")
final class DeletionsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    /** The ledger with the promise it is measured against: purge within {@code retentionHours} of applying. */
    record Listing(@JsonProperty("retention_hours") int retentionHours,
                   @JsonProperty("requests") List<LedgerEntry> requests) {}

    @Override
    public Integer call() {
        List<LedgerEntry> entries = RunSupport.ask(common, "deletions", context -> new DeletionHistory(context.spark(), context.lake()).all());
        int retention = common.config().deletion().retentionHours();
        StringBuilder text = new StringBuilder(entries.size() + " deletion requests (retention "
                + retention + " h)\n");
        for (LedgerEntry e : entries) {
            text.append("  ").append(e.requestHash(), 0, 12).append("…  ").append(e.scope()).append("  ")
                    .append(e.status()).append("  requested ").append(e.requestedAt()).append("  applied ")
                    .append(e.appliedAt()).append("  purged ").append(e.purgedAt() == null ? "not yet" : e.purgedAt())
                    .append('\n');
        }
        Printer.print(spec.commandLine().getOut(), common.json(), new Listing(retention, entries), text.toString());
        return 0;
    }
}
