package com.connekz.pipeline.testing;

import static com.connekz.pipeline.testing.TestLake.record;
import static com.connekz.pipeline.testing.TestLake.segment;

import com.connekz.pipeline.datasets.BuildStage;
import com.connekz.pipeline.ingest.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * A small lake of two users: Alice has data of every kind (two conversations, a memory, a call,
 * API requests as a developer, a quarantined line); Bob has a conversation and a memory. Every text
 * of Alice holds the word "alicetext" so a test can look for it anywhere.
 */
public final class TwoUsers {
    public static final String ALICE = "u-alice-7731";
    public static final String BOB = "u-bob-4410";
    public static final String ALICE_CONVERSATION = "conv-alice-1";
    public static final String ALICE_OTHER_CONVERSATION = "conv-alice-2";
    public static final String ALICE_MEMORY = "mem-alice-1";
    public static final String ALICE_CALL = "call-alice-1";
    public static final String ALICE_TEXT = "alicetext";
    public static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private TwoUsers() {}

    public static Map<Source, List<Map<String, Object>>> records() {
        return Map.of(
                Source.CHATS, List.of(
                        chat("msg-a1", ALICE_CONVERSATION, ALICE, "user", "hello alicetext one", 0),
                        chat("msg-a2", ALICE_CONVERSATION, ALICE, "assistant", "reply to alicetext one", 1),
                        chat("msg-a3", ALICE_OTHER_CONVERSATION, ALICE, "user", "alicetext two", 2),
                        chat("msg-b1", "conv-bob-1", BOB, "user", "bob says hi", 3),
                        chat("msg-b2", "conv-bob-1", BOB, "assistant", "hi bob", 4)),
                Source.MEMORIES, List.of(
                        record("memory_id", ALICE_MEMORY, "user_id", ALICE, "text", "alicetext likes gardens", "created_at", T0),
                        record("memory_id", "mem-bob-1", "user_id", BOB, "text", "bob likes boats", "created_at", T0)),
                Source.CALLS, List.of(
                        record("call_id", ALICE_CALL, "user_id", ALICE, "started_at", T0, "all_parties_notified", true,
                                "summary", "summary of alicetext call", "segments", List.of(
                                        segment("agent", 2000, "how can I help"),
                                        segment("user", 0, "hello alicetext calling")))),
                Source.API, List.of(
                        record("request_id", "req-alice-1", "instance_id", "inst-9", "developer_id", ALICE,
                                "prompt", "alicetext prompt", "output", "alicetext output", "created_at", T0)),
                Source.ACCOUNTS, List.of(
                        record("user_id", ALICE, "created_at", T0.minusSeconds(86400 * 400), "date_of_birth", LocalDate.of(1990, 1, 1)),
                        record("user_id", BOB, "created_at", T0.minusSeconds(86400 * 400), "date_of_birth", LocalDate.of(1985, 1, 1))),
                Source.CONSENT, List.of(
                        record("event_id", "ev-alice-1", "user_id", ALICE, "purpose", "model_training", "granted", true,
                                "effective_at", T0.minusSeconds(86400 * 30)),
                        record("event_id", "ev-bob-1", "user_id", BOB, "purpose", "model_training", "granted", true,
                                "effective_at", T0.minusSeconds(86400 * 30))));
    }

    public static Map<String, Object> chat(String id, String conversation, String user, String role, String text, int minute) {
        return record("message_id", id, "conversation_id", conversation, "user_id", user, "role", role, "text", text,
                "created_at", T0.plusSeconds(60L * minute), "channel", "web");
    }

    /** Lands every record in bronze, the content ones in silver too, and one bad line of each user. */
    public static void land(TestLake lake) {
        records().forEach((source, records) -> {
            lake.bronze(source, records);
            if (source.isContent()) {
                lake.silver(source, records);
            }
        });
        lake.quarantine("chats", "{\"message_id\": \"msg-a9\", \"user_id\": \"" + ALICE + "\", \"text\": \"broken alicetext");
        lake.quarantine("chats", "{\"message_id\": \"msg-b9\", \"user_id\": \"" + BOB + "\", \"text\": \"broken bob");
    }

    private static final Map<Boolean, Path> TEMPLATES = new java.util.HashMap<>();

    /**
     * A fresh copy of the two users' lake in {@code root}: the lake is landed once per test JVM and
     * copied (a Delta table folder stays valid when copied whole), which saves seconds per test.
     */
    public static TestLake landedCopy(SparkSession spark, Path root) {
        return landedCopy(spark, root, false);
    }

    /** As {@link #landedCopy(SparkSession, Path)}, with gold already built when {@code withGold}. */
    public static synchronized TestLake landedCopy(SparkSession spark, Path root, boolean withGold) {
        Path template = TEMPLATES.get(withGold);
        if (template == null) {
            try {
                template = TreeCopy.templateFolder("two-users-lake");
                TestLake lake = new TestLake(spark, template);
                land(lake);
                if (withGold) {
                    new BuildStage().run(lake.context("build", 168));
                }
                TEMPLATES.put(withGold, template);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        TreeCopy.copy(template, root);
        return new TestLake(spark, root);
    }

    public static Map<String, Object> deletion(String requestId, String user, String scope, String target) {
        return record("request_id", requestId, "user_id", user, "scope", scope, "target_id", target,
                "requested_at", T0.plusSeconds(86400));
    }
}
