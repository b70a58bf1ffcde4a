package com.connekz.jobs;

import com.connekz.pipeline.run.RunContext;
import com.connekz.pipeline.run.Stage;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Ingest new landed files into bronze; bad lines go to quarantine.")
final class IngestCommand extends StageCommand {
    @Override
    List<Stage> stages(RunContext context) {
        return List.of(Stages.ingest(context));
    }
}
