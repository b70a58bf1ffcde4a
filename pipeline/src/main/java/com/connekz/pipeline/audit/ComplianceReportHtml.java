package com.connekz.pipeline.audit;

import com.connekz.pipeline.run.RecordedStage;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link ComplianceReport} as one HTML page a person reads in a browser: inline CSS and
 * inline SVG charts, no script and nothing fetched. Every value is escaped.
 */
public final class ComplianceReportHtml {
    static final List<String> SECTIONS = List.of("Summary", "Provenance", "Runs", "Exclusions by reason",
            "Redaction by entity type", "Deletions applied", "Audit verdicts");
    private static final String STYLE = """
            body{font:15px/1.45 system-ui,sans-serif;color:#1d2733;margin:2rem auto;max-width:60rem;padding:0 1rem}
            h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;border-bottom:2px solid #d8dee6;padding-bottom:.2rem;margin-top:2rem}
            table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e3e8ee;vertical-align:top}
            th{background:#f3f6f9;font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums}
            .pass{color:#fff;background:#2e7d32;padding:.1rem .5rem;border-radius:.3rem}.fail{color:#fff;background:#c62828;padding:.1rem .5rem;border-radius:.3rem}
            .muted{color:#5b6876}code{font-size:.85em;word-break:break-all}svg text{font:12px system-ui,sans-serif;fill:#1d2733}
            """;

    private ComplianceReportHtml() {}

    public static String render(ComplianceReport report) {
        DatasetProvenance p = report.provenance();
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")
                .append("<title>Compliance report: ").append(esc(p.dataset())).append(" v").append(p.version()).append("</title>")
                .append("<style>").append(STYLE).append("</style></head><body>\n");
        html.append("<h1>Compliance report: ").append(esc(p.dataset())).append(" v").append(p.version()).append("</h1>")
                .append("<p class=\"muted\">Generated ").append(esc(report.generatedAt().toString()))
                .append(". Identifiers appear as keyed hashes or run ids only.</p>\n");

        section(html, "Summary");
        html.append("<p>Overall: ").append(badge(report.passed())).append("</p>");
        table(html, List.of("figure", "value"), List.of(
                List.of("examples", num(p.rows())),
                List.of("committed at", esc(p.committedAt())),
                List.of("operation", esc(p.operation())),
                List.of("published", p.published() ? "yes, by run " + esc(p.publication().runId()) + " at "
                        + esc(p.publication().publishedAt()) : "no")));
        keyCounts(html, "examples by kind", p.rowsByKind());
        keyCounts(html, "examples by split", p.rowsBySplit());

        section(html, "Provenance");
        if (p.build() == null) {
            html.append("<p>No build metadata is recorded for this version or any earlier one.</p>");
        } else {
            table(html, List.of("figure", "value"), List.of(
                    List.of("build run", code(p.build().runId())),
                    List.of("build started", esc(p.build().buildStartedAt())),
                    List.of("code version", code(p.build().codeVersion())),
                    List.of("config hash", code(p.build().configHash())),
                    List.of("metadata from version", num(p.build().builtVersion()))));
            keyCounts(html, "input table versions", p.build().inputs());
        }

        section(html, "Runs");
        List<List<String>> runs = p.runs().stream()
                .map(r -> List.of(code(r.runId()), esc(r.command()), esc(r.stage()), esc(r.status()),
                        esc(r.startedAt()), esc(r.endedAt()), esc(r.redactionPolicyVersion()), esc(r.error())))
                .toList();
        table(html, List.of("run", "command", "stage", "status", "started", "ended", "redaction policy", "error"), runs);

        section(html, "Exclusions by reason");
        bars(html, p.excludedByReason(), "#ef6c00");

        section(html, "Redaction by entity type");
        bars(html, p.redactedEntities(), "#1565c0");

        section(html, "Deletions applied");
        DeletionVerdict d = report.deletion();
        table(html, List.of("figure", "value"), List.of(
                List.of("requests applied before this version", num(d.requestsApplied())),
                List.of("of which erased from disk", num(d.requestsPurged())),
                List.of("rows erased from this dataset", num(d.rowsErasedFromDataset())),
                List.of("examples of erased subjects still present", num(d.examplesOfErasedSubjects()))));
        keyCounts(html, "requests by scope", d.appliedByScope());

        section(html, "Audit verdicts");
        ConsentVerdict c = report.consent();
        IsolationVerdict i = report.isolation();
        table(html, List.of("audit", "verdict", "detail"), List.of(
                List.of("isolation", badge(i.passed()), esc(i.tablesChecked() + " tables, " + i.versionsChecked()
                        + " versions checked, " + i.violations().size() + " violations, " + i.unreadable().size() + " unreadable versions")),
                List.of("consent", badge(c.passed()), esc(c.examplesChecked() + " examples checked, " + c.examplesConsented()
                        + " consented, failed " + c.failedByReason() + ", withdrawn since build " + c.withdrawnSinceBuild()
                        + "; judged as of " + c.basis().asOfBuild() + " against bronze/consent v" + c.basis().consentVersionAtBuild())),
                List.of("deletion", badge(d.passed()), esc(d.examplesOfErasedSubjects() + " examples of subjects whose data was erased"))));
        if (!i.violations().isEmpty()) {
            html.append("<ul>");
            i.lines().stream().skip(1).forEach(line -> html.append("<li>").append(esc(line.strip())).append("</li>"));
            html.append("</ul>");
        }
        html.append("\n</body></html>\n");
        return html.toString();
    }

    /** Escapes text for HTML element content and attribute values. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    private static void section(StringBuilder html, String title) {
        html.append("<h2>").append(esc(title)).append("</h2>\n");
    }

    private static String badge(boolean passed) {
        return passed ? "<span class=\"pass\">passed</span>" : "<span class=\"fail\">failed</span>";
    }

    private static String num(long n) {
        return String.format("%,d", n);
    }

    private static String code(String text) {
        return "<code>" + esc(text) + "</code>";
    }

    /** A table of cells that are already HTML (escaped by their makers). */
    private static void table(StringBuilder html, List<String> headings, List<List<String>> rows) {
        html.append("<table><thead><tr>");
        headings.forEach(h -> html.append("<th>").append(esc(h)).append("</th>"));
        html.append("</tr></thead><tbody>");
        if (rows.isEmpty()) {
            html.append("<tr><td colspan=\"").append(headings.size()).append("\" class=\"muted\">none recorded</td></tr>");
        }
        for (List<String> row : rows) {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(cell).append("</td>"));
            html.append("</tr>");
        }
        html.append("</tbody></table>\n");
    }

    private static void keyCounts(StringBuilder html, String heading, Map<String, Long> counts) {
        table(html, List.of(heading, "count"), counts.entrySet().stream()
                .map(e -> List.of(esc(e.getKey()), num(e.getValue()))).toList());
    }

    /** A horizontal bar chart as inline SVG, with the figures as a table beside it for reading. */
    private static void bars(StringBuilder html, Map<String, Long> counts, String colour) {
        if (counts.isEmpty()) {
            html.append("<p class=\"muted\">none recorded</p>");
            return;
        }
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(1);
        int row = 22;
        int labelWidth = 200;
        int barWidth = 460;
        html.append("<svg role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(labelWidth + barWidth + 80)
                .append("\" height=\"").append(counts.size() * row + 4).append("\">");
        int y = 2;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            long width = max == 0 ? 0 : Math.max(1, e.getValue() * barWidth / max);
            html.append("<text x=\"0\" y=\"").append(y + 15).append("\">").append(esc(e.getKey())).append("</text>")
                    .append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 3).append("\" width=\"").append(width)
                    .append("\" height=\"16\" fill=\"").append(colour).append("\"/>")
                    .append("<text x=\"").append(labelWidth + width + 6).append("\" y=\"").append(y + 15).append("\">")
                    .append(num(e.getValue())).append("</text>");
            y += row;
        }
        html.append("</svg>\n");
        keyCounts(html, "reason or type", counts);
    }
}
