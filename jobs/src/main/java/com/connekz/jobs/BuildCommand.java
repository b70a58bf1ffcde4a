package com.connekz.jobs;

import com.connekz.pipeline.run.RunContext;
import com.connekz.pipeline.run.Stage;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build the gold training datasets from silver; a dataset that did not change gets no new version.")
final class BuildCommand extends StageCommand {
    @Override
    List<Stage> stages(RunContext context) {
        return List.of(Stages.build(context));
    }
}
