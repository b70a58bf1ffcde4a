package com.connekz.jobs;

import com.connekz.pipeline.run.RunContext;
import com.connekz.pipeline.run.Stage;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "govern", mixinStandardHelpOptions = true,
        description = "Decide consent, age and tenancy for every bronze record; write redacted silver.")
final class GovernCommand extends StageCommand {
    @Override
    List<Stage> stages(RunContext context) {
        return List.of(Stages.govern(context));
    }
}
