package com.connekz.jobs;

import com.connekz.pipeline.datasets.VersionDiff;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code datasets diff NAME --from A [--to B]}: examples added, removed (with why) and changed. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Examples added, removed (deletion, withdrawal, other policy) and changed between two versions.")
final class DatasetsDiffCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "NAME", description = "assistant or instances/<instance_id>")
    String name;

    @Option(names = "--from", required = true, description = "the older version")
    long from;

    @Option(names = "--to", description = "the newer version (default: latest)")
    Long to;

    @Option(names = "--limit", defaultValue = "1000", description = "list at most this many examples (default: ${DEFAULT-VALUE}); counts are complete")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        VersionDiff.Result diff = RunSupport.ask(common, "datasets diff", context -> new VersionDiff(context.spark(), context.lake(), context.keyedHash())
                    .compare(name, from, Optional.ofNullable(to), limit));
        String text = diff.dataset() + " version " + diff.fromVersion() + " → " + diff.toVersion() + ": "
                + diff.added() + " added, " + diff.removed() + " removed " + diff.removedByReason() + ", "
                + diff.changed() + " changed, " + diff.unchanged() + " unchanged\n";
        Printer.print(spec.commandLine().getOut(), common.json(), diff, text);
        return 0;
    }
}
