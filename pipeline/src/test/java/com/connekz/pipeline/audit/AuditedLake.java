package com.connekz.pipeline.audit;

import static org.apache.spark.sql.functions.col;

import com.connekz.pipeline.datasets.BuildStage;
import com.connekz.pipeline.govern.GovernStage;
import com.connekz.pipeline.ingest.IngestStage;
import com.connekz.pipeline.ingest.RecordFilter;
import com.connekz.pipeline.redact.spark.SparkRedaction;
import com.connekz.pipeline.run.PipelineRun;
import com.connekz.pipeline.run.RunContext;
import com.connekz.pipeline.run.RunIds;
import com.connekz.pipeline.run.RunReport;
import com.connekz.pipeline.testing.SharedSpark;
import com.connekz.pipeline.testing.TestRuns;
import com.connekz.pipeline.testing.TreeCopy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A small lake built the way {@code nightly} builds it, from real landed files: ingest, govern with
 * the shipped redaction policy, build, all recorded in the run ledger (no audit gate yet). Alice has
 * a conversation of two messages, a memory, a call and an API request; Bob a conversation; Carol a
 * conversation she withdrew consent for before the build. Built once per test JVM, copied per test.
 */
final class AuditedLake {
    static final String ALICE = "u-alice-5521";
    static final String BOB = "u-bob-8812";
    static final String CAROL = "u-carol-3307";
    static final String ALICE_CONVERSATION = "conv-alice-7";
    static final String INSTANCE = "inst-42";

    private static Path template;
    private static String buildRunId;

    private AuditedLake() {}

    /** A fresh copy of the built lake under {@code root} (landing and lake folders inside). */
    static synchronized RunContext copy(Path root, String command) {
        if (template == null) {
            try {
                template = TreeCopy.templateFolder("audited-lake");
                build(template);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        TreeCopy.copy(template, root);
        return context(root, command);
    }

    /** The run that built gold in the template (its copies keep it). */
    static String buildRunId() {
        return buildRunId;
    }

    static RunContext context(Path root, String command) {
        Instant now = Instant.now();
        return new RunContext(SharedSpark.session(),
                TestRuns.config(root.resolve("landing").toString(), root.resolve("lake").toString()),
                TestRuns.KEY, RunIds.next(now), command, LocalDate.of(2026, 11, 25), now);
    }

    private static void build(Path root) throws IOException {
        land(root.resolve("landing"));
        RunContext context = context(root, "nightly");
        SparkRedaction redaction = new SparkRedaction(context.config().redaction().loadPolicy(), context.hashKey());
        GovernStage govern = new GovernStage((source, used) -> source.isContent()
                ? redaction.redact(source, used).filter(col(SparkRedaction.DROPPED).isNull())
                : used);
        RunReport report = PipelineRun.execute(context, List.of(new IngestStage(RecordFilter.NONE), govern, new BuildStage()));
        if (!report.succeeded()) {
            throw new IllegalStateException("the audited lake did not build: " + report.reason());
        }
        buildRunId = context.runId();
    }

    private static void land(Path landing) throws IOException {
        write(landing, "accounts",
                "{\"user_id\": \"" + ALICE + "\", \"created_at\": \"2025-01-01T00:00:00Z\", \"date_of_birth\": \"1990-04-02\"}",
                "{\"user_id\": \"" + BOB + "\", \"created_at\": \"2025-01-01T00:00:00Z\", \"date_of_birth\": \"1984-07-19\"}",
                "{\"user_id\": \"" + CAROL + "\", \"created_at\": \"2025-01-01T00:00:00Z\", \"date_of_birth\": \"1979-11-30\"}");
        write(landing, "consent",
                consent("ev-1", ALICE, "model_training", true, "2026-10-01T00:00:00Z"),
                consent("ev-2", ALICE, "call_training", true, "2026-10-01T00:00:00Z"),
                consent("ev-3", ALICE, "instance_training", true, "2026-10-01T00:00:00Z"),
                consent("ev-4", BOB, "model_training", true, "2026-10-01T00:00:00Z"),
                consent("ev-5", CAROL, "model_training", true, "2026-10-01T00:00:00Z"),
                consent("ev-6", CAROL, "model_training", false, "2026-11-20T11:00:00Z"));
        write(landing, "chats",
                chat("m-a1", ALICE_CONVERSATION, ALICE, "user", "Hi, my email is alice.w@example.com, please note it", "10:00"),
                chat("m-a2", ALICE_CONVERSATION, ALICE, "assistant", "Noted, I will remember that.", "10:01"),
                chat("m-b1", "conv-bob-3", BOB, "user", "What is the weather like in Wellington?", "10:02"),
                chat("m-c1", "conv-carol-9", CAROL, "user", "Tell me a joke about penguins", "10:03"));
        write(landing, "memories",
                "{\"memory_id\": \"mem-a1\", \"user_id\": \"" + ALICE + "\", \"text\": \"Prefers tea over coffee\", "
                        + "\"created_at\": \"2026-11-20T10:05:00Z\"}");
        write(landing, "calls",
                "{\"call_id\": \"call-a1\", \"user_id\": \"" + ALICE + "\", \"started_at\": \"2026-11-20T10:06:00Z\", "
                        + "\"all_parties_notified\": true, \"summary\": \"Booked a table\", \"segments\": ["
                        + "{\"speaker\": \"user\", \"start_ms\": 0, \"end_ms\": 900, \"text\": \"Book a table for two\"}, "
                        + "{\"speaker\": \"agent\", \"start_ms\": 1000, \"end_ms\": 1900, \"text\": \"Done, seven o'clock\"}]}");
        write(landing, "api",
                "{\"request_id\": \"req-a1\", \"instance_id\": \"" + INSTANCE + "\", \"developer_id\": \"" + ALICE + "\", "
                        + "\"prompt\": \"Summarise the release notes\", \"output\": \"Three fixes and a feature\", "
                        + "\"created_at\": \"2026-11-20T10:07:00Z\"}");
    }

    static String consent(String id, String user, String purpose, boolean granted, String at) {
        return "{\"event_id\": \"" + id + "\", \"user_id\": \"" + user + "\", \"purpose\": \"" + purpose
                + "\", \"granted\": " + granted + ", \"effective_at\": \"" + at + "\"}";
    }

    private static String chat(String id, String conversation, String user, String role, String text, String time) {
        return "{\"message_id\": \"" + id + "\", \"conversation_id\": \"" + conversation + "\", \"user_id\": \"" + user
                + "\", \"role\": \"" + role + "\", \"text\": \"" + text + "\", \"created_at\": \"2026-11-20T" + time + ":00Z\"}";
    }

    static void write(Path landing, String source, String... lines) throws IOException {
        Path folder = landing.resolve(source).resolve("dt=2026-11-20");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("part-0.jsonl"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
}
