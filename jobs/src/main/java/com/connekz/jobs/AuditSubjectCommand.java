package com.connekz.jobs;

import com.connekz.pipeline.audit.SubjectAudit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code audit subject USER_ID}: a finding is an answer, not a failure, so the exit status is 0 either way. */
@Command(name = "subject", mixinStandardHelpOptions = true,
        description = "Every table and retained version that still holds a user's data.")
final class AuditSubjectCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "USER_ID")
    String userId;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SubjectAudit.Report report = RunSupport.ask(common, "audit subject", context -> new SubjectAudit(context.spark(), context.lake(), context.keyedHash()).audit(userId));
        StringBuilder text = new StringBuilder("subject ").append(report.subjectHash(), 0, 12).append("… in ")
                .append(report.tablesChecked()).append(" tables: ");
        text.append(report.clean() ? "no data held\n" : "data held in " + report.findings().size() + " tables\n");
        for (SubjectAudit.Finding finding : report.findings()) {
            text.append("  ").append(finding.table()).append("  rows by version ").append(finding.rowsByVersion()).append('\n');
        }
        Printer.print(spec.commandLine().getOut(), common.json(), report, text.toString());
        return 0;
    }
}
