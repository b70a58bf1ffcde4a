package com.connekz.jobs;

import com.connekz.pipeline.run.RunContext;
import com.connekz.pipeline.run.Stage;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code audit}: the audit gate as a stage; its subcommands answer compliance questions. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Run the audits over every gold table and publish the versions that pass.",
        subcommands = {AuditIsolationCommand.class, AuditSubjectCommand.class, AuditDeletionCommand.class,
                AuditDatasetCommand.class, AuditConsentCommand.class, AuditTraceCommand.class, AuditReportCommand.class})
final class AuditCommand extends StageCommand {
    @Override
    List<Stage> stages(RunContext context) {
        return List.of(Stages.audit(context));
    }
}
