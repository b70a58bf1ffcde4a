package com.connekz.jobs;

import com.connekz.pipeline.run.RecordedStage;
import com.connekz.pipeline.run.RunHistory;
import com.connekz.pipeline.run.RunLedger;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code runs [--last N]}: the run ledger read back, read-only. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "The most recent runs from the run ledger: every stage with its status, counts and metrics.")
final class RunsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--last", defaultValue = "20", description = "how many of the most recent runs (default: ${DEFAULT-VALUE})")
    int last;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<RecordedStage> stages = RunSupport.ask(common, "runs", context -> new RunHistory(context.spark(), context.lake()).last(last));
        StringBuilder text = new StringBuilder();
        if (stages.isEmpty()) {
            text.append("no runs recorded\n");
        }
        for (RecordedStage stage : stages) {
            if (stage.stage().equals(RunLedger.WHOLE_RUN)) {
                text.append(stage.runId()).append("  ").append(stage.command()).append("  ").append(stage.status())
                        .append("  ").append(stage.startedAt()).append(" → ").append(stage.endedAt())
                        .append(stage.error() == null ? "" : "  reason: " + stage.error()).append('\n');
            } else {
                text.append("    ").append(stage.stage()).append("  ").append(stage.status()).append('\n');
            }
        }
        Printer.print(spec.commandLine().getOut(), common.json(), stages, text.toString());
        return 0;
    }
}
