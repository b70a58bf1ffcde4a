package com.connekz.jobs;

import com.connekz.pipeline.audit.ComplianceReport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code audit report NAME [--version N] --out DIR}: the report is a document, so a failing audit in it still exits 0. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write one self-contained HTML compliance report of a dataset version into DIR.")
final class AuditReportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "NAME", description = "assistant or instances/<instance_id>")
    String name;

    @Option(names = "--version", description = "the version (default: latest published)")
    Long version;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder to write the HTML file into")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ComplianceReport report = RunSupport.ask(common, "audit report", context -> ComplianceReport.of(context.spark(), context.lake(), context.keyedHash(), name, Optional.ofNullable(version)));
        Path file = report.write(out);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("dataset", report.provenance().dataset());
        result.put("version", report.provenance().version());
        result.put("file", file.toAbsolutePath().toString());
        result.put("passed", report.passed());
        Printer.print(spec.commandLine().getOut(), common.json(), result,
                "wrote " + file + " (" + (report.passed() ? "all audits passed" : "an audit FAILED") + ")\n");
        return 0;
    }
}
