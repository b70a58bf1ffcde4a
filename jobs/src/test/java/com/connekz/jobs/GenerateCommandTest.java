package com.connekz.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {

    @TempDir
    Path temp;

    private record Run(int status, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new GenerateCommand());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int status = commandLine.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void jsonSummaryCountsWhatLandedPerSource() throws Exception {
        Path out = temp.resolve("landing");
        Run run = run("--out", out.toString(), "--users", "26", "--days", "2", "--start-date", "2026-12-01",
                "--gzip-source", "memories", "--bad-line-rate", "0.05", "--json");

        assertThat(run.status()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        JsonNode summary = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertThat(summary.path("sources").fieldNames()).toIterable()
                .containsExactly("chats", "memories", "calls", "api", "accounts", "consent", "deletions");
        long chatLines = summary.path("sources").path("chats").path("records").asLong()
                + summary.path("sources").path("chats").path("bad_lines").asLong();
        try (var files = Files.list(out.resolve("chats/dt=2026-12-01"))) {
            long landed = 0;
            for (Path file : files.toList()) {
                landed += Files.readAllLines(file).size();
            }
            try (var secondDay = Files.list(out.resolve("chats/dt=2026-12-02"))) {
                for (Path file : secondDay.toList()) {
                    landed += Files.readAllLines(file).size();
                }
            }
            assertThat(landed).isEqualTo(chatLines);
        }
        assertThat(out.resolve("memories/dt=2026-12-01/part-00000.jsonl.gz")).exists();
        assertThat(out.resolve("_labels/labels.jsonl")).exists();
        assertThat(summary.path("bytes").asLong()).isPositive();
    }

    @Test
    void printsATableForPeople() {
        Run run = run("--out", temp.resolve("landing").toString(), "--users", "5", "--days", "1");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("chats", "deletions", "total", "lines/s");
    }

    @Test
    void refusesAnUnknownSourceToGzip() {
        Run run = run("--out", temp.resolve("landing").toString(), "--users", "5", "--days", "1",
                "--gzip-source", "payments");

        assertThat(run.status()).isNotZero();
        assertThat(run.err()).contains("not a landing source");
    }
}
