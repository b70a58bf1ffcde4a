package com.connekz.jobs;

import com.connekz.pipeline.run.RunContext;
import com.connekz.pipeline.run.Stage;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "nightly", mixinStandardHelpOptions = true,
        description = "Ingest, apply deletions, govern, build datasets and audit; prints the run report.")
final class NightlyCommand extends StageCommand {
    @Override
    List<Stage> stages(RunContext context) {
        return Stages.nightly(context);
    }
}
