package com.connekz.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RedactCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void redactsStdinText() {
        Result result = run("Call Aroha Ngata on 021 555 0199", "--conf", "missing.yaml");
        assertThat(result.status()).isZero();
        assertThat(result.out()).isEqualTo("Call <PERSON_1> on <PHONE_NUMBER_1>");
    }

    @Test
    void jsonLinesEchoOtherFieldsAndGiveCodePointOffsets() throws Exception {
        String line = "{\"id\": 7, \"text\": \"😀 my NHI is ZSC21TN\"}\n";
        Result result = run(line, "--jsonl", "--conf", "missing.yaml");
        JsonNode out = JSON.readTree(result.out());
        assertThat(out.get("id").asInt()).isEqualTo(7);
        assertThat(out.get("redacted").asText()).isEqualTo("😀 my NHI is <NZ_NHI_1>");
        JsonNode entity = out.get("entities").get(0);
        assertThat(entity.get("type").asText()).isEqualTo("NZ_NHI");
        assertThat(entity.get("start").asInt()).as("code points, the emoji counts once").isEqualTo(12);
        assertThat(entity.get("end").asInt()).isEqualTo(19);
        assertThat(entity.get("score").asDouble()).isBetween(0.5, 1.0);
    }

    @Test
    void aBadJsonLineIsReportedWithoutEchoingIt() {
        Result result = run("not json 021 555 0199\n", "--jsonl", "--conf", "missing.yaml");
        assertThat(result.status()).isEqualTo(1);
        assertThat(result.out()).contains("line 1").doesNotContain("555");
    }

    @Test
    void evaluatePrintsPerTypeScores(@TempDir Path dir) throws Exception {
        Path labelled = dir.resolve("set.jsonl");
        Files.writeString(labelled, "{\"text\":\"IRD 49-091-850 ok\",\"entities\":[{\"type\":\"NZ_IRD\",\"start\":4,\"end\":14}]}\n");
        Result result = run("", "--evaluate", labelled.toString(), "--json", "--conf", "missing.yaml");
        JsonNode scores = JSON.readTree(result.out());
        assertThat(scores.at("/token_by_type/NZ_IRD/recall").asDouble()).isEqualTo(1.0);
        assertThat(scores.at("/token/precision").asDouble()).isEqualTo(1.0);
    }

    private record Result(int status, String out) {}

    private static Result run(String stdin, String... args) {
        InputStream originalIn = System.in;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int status = new CommandLine(new RedactCommand()).execute(args);
            return new Result(status, out.toString(StandardCharsets.UTF_8).strip());
        } finally {
            System.setIn(originalIn);
            System.setOut(originalOut);
        }
    }
}
