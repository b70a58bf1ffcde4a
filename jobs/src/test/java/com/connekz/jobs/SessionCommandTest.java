package com.connekz.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SessionCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONF = "../conf/pipeline.yaml";

    @TempDir
    Path lake;

    @Test
    void eachLineGetsOneAnswerAndAnythingButAQuestionIsRefusedUnrun() throws Exception {
        String lines = "[\"nightly\", \"--lake\", \"" + lake.resolve("made") + "\"]\n\nruns --last 3\nnull\n[null]\n";
        StringWriter out = new StringWriter();
        InputStream originalIn = System.in;
        try {
            System.setIn(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)));
            int status = new CommandLine(new SessionCommand()).setOut(new PrintWriter(out, true)).execute();
            assertThat(status).isZero();
        } finally {
            System.setIn(originalIn);
        }

        List<JsonNode> answers = new ArrayList<>();
        for (String line : out.toString().strip().split("\n")) {
            answers.add(JSON.readTree(line));
        }
        assertThat(answers).hasSize(4).allSatisfy(answer -> assertThat(answer.get("exit").asInt()).isEqualTo(2));
        assertThat(answers.get(0).get("stderr").asText()).contains("a session runs audit, datasets, deletions, runs");
        assertThat(answers.subList(1, 4)).allSatisfy(answer -> assertThat(answer.get("stderr").asText()).contains("a JSON array of strings"));
        assertThat(Files.exists(lake.resolve("made"))).as("the refused nightly never ran").isFalse();
    }

    @Test
    void questionsShareOneSparkSessionWhichAFailedOneLeavesOpenAndTheEndStops() {
        RunSupport.keepSpark(true);
        SparkSession spark = null;
        try {
            SessionCommand.Answer first = SessionCommand.answer(question("runs", "--last", "3"), List.of());
            assertThat(first.exit()).as(first.stderr()).isZero();
            assertThat(first.stdout().strip()).isEqualTo("[]");
            spark = SparkSession.getDefaultSession().get();

            SessionCommand.Answer failed = SessionCommand.answer(question("datasets", "show", "nope"), List.of());
            assertThat(failed.exit()).isEqualTo(1);
            assertThat(failed.stderr()).startsWith("pipeline: ");

            // The session's own options stand in for those a line leaves out.
            SessionCommand.Answer again = SessionCommand.answer("[\"deletions\"]", List.of(List.of("--conf", CONF), List.of("--lake", lake.toString()), List.of("--json")));
            assertThat(again.exit()).as(again.stderr()).isZero();
            assertThat(again.stdout()).contains("\"requests\":[]");
            SessionCommand.Answer ownLake = SessionCommand.answer(line("deletions", "--conf", CONF, "--lake=" + lake, "--json"),
                    List.of(List.of("--lake", "/elsewhere")));
            assertThat(ownLake.exit()).as("a line's own --lake=PATH stands: " + ownLake.stderr()).isZero();
            assertThat(SparkSession.getDefaultSession().get()).isSameAs(spark);
            assertThat(spark.sparkContext().isStopped()).isFalse();

            SessionCommand.Answer otherSettings = SessionCommand.answer(question("runs", "--set", "s3.region=eu-west-1"), List.of());
            assertThat(otherSettings.exit()).isEqualTo(2);
            assertThat(otherSettings.stderr()).contains("Spark settings");
            assertThat(spark.sparkContext().isStopped()).isFalse();
        } finally {
            RunSupport.keepSpark(false);
        }
        assertThat(spark.sparkContext().isStopped()).as("the session's end stops Spark").isTrue();
    }

    /** A session's input line for a command on this test's lake. */
    private String question(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--conf", CONF, "--lake", lake.toString(), "--json"));
        return line(all.toArray(String[]::new));
    }

    private static String line(String... args) {
        try {
            return JSON.writeValueAsString(List.of(args));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
