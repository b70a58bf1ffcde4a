package com.connekz.pipeline.run;

import java.util.Map;

/** The run report for people: a status line, then one line per source and stage. */
public final class RunReportText {
    private RunReportText() {}

    public static String render(RunReport report) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("run %s  %s  %s%n", report.runId(), report.command(), report.status().toUpperCase()));
        if (report.reason() != null) {
            out.append(String.format("  reason: %s%n", report.reason()));
        }
        out.append(String.format("  %-10s %9s %9s %11s %9s %9s %9s%n",
                "source", "read", "accepted", "quarantined", "duplicate", "used", "excluded"));
        for (Map.Entry<String, SourceCounts> entry : report.sources().entrySet()) {
            SourceCounts c = entry.getValue();
            out.append(String.format("  %-10s %9d %9d %11d %9d %9d %9d%n", entry.getKey(),
                    c.read(), c.accepted(), c.quarantined(), c.duplicate(), c.used(), c.excluded()));
            if (!c.quarantinedByReason().isEmpty()) {
                out.append(String.format("  %-10s quarantined: %s%n", "", c.quarantinedByReason()));
            }
            if (!c.excludedByReason().isEmpty()) {
                out.append(String.format("  %-10s excluded: %s%n", "", c.excludedByReason()));
            }
        }
        for (StageResult stage : report.stages()) {
            out.append(String.format("  stage %-8s wrote %s%n", stage.stage(), stage.outputs()));
        }
        return out.toString();
    }
}
