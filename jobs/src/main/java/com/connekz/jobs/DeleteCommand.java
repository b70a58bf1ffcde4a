package com.connekz.jobs;

import com.connekz.pipeline.run.RunContext;
import com.connekz.pipeline.run.Stage;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Apply new deletion requests to every table and purge those past deletion.retention_hours from disk.")
final class DeleteCommand extends StageCommand {
    @Override
    List<Stage> stages(RunContext context) {
        return List.of(Stages.delete(context));
    }
}
