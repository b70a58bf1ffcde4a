package com.connekz.jobs;

import com.connekz.pipeline.lineage.OpenLineageObserver;
import com.connekz.pipeline.run.PipelineRun;
import com.connekz.pipeline.run.RunContext;
import com.connekz.pipeline.run.RunReport;
import com.connekz.pipeline.run.RunReportJson;
import com.connekz.pipeline.run.RunReportText;
import com.connekz.pipeline.run.Stage;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** A command that runs stages as one recorded run and prints its report; exit 1 when it failed. */
abstract class StageCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--run-date", description = "logical date of the run, YYYY-MM-DD (default: today, UTC)")
    LocalDate runDate;

    @Spec
    CommandSpec spec;

    /** The stages this command runs, in order. */
    abstract List<Stage> stages(RunContext context);

    @Override
    public Integer call() {
        RunContext context = RunSupport.open(common, spec.name(), runDate);
        try {
            RunReport report;
            try (OpenLineageObserver lineage = new OpenLineageObserver(context)) {
                report = PipelineRun.execute(context, stages(context), lineage);
            }
            if (common.json()) {
                spec.commandLine().getOut().println(RunReportJson.toLine(report));
            } else {
                spec.commandLine().getOut().print(RunReportText.render(report));
            }
            if (!report.succeeded()) {
                spec.commandLine().getErr().println("pipeline: " + report.reason());
            }
            spec.commandLine().getOut().flush();
            return report.succeeded() ? 0 : 1;
        } finally {
            context.spark().stop();
        }
    }
}
