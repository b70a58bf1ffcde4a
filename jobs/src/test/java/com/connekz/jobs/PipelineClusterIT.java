package com.connekz.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Submits the pipeline jar to a Spark standalone master and worker on 127.0.0.1 (started by
 * {@code scripts/cluster/start.sh}, here if nobody started them) and checks the run's report.
 * Runs only in the {@code cluster} profile, after the jar is packaged.
 */
class PipelineClusterIT {
    static final Path ROOT = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    static final String COMMAND = System.getProperty("cluster.command", "nightly");
    static final Path SAMPLES = ROOT.resolve(System.getProperty("cluster.landing", "data-samples/landing"));
    static final int PORT = Integer.parseInt(System.getenv().getOrDefault("CLUSTER_PORT", "7077"));
    static final Path STATE = ROOT.resolve("target/cluster");
    static boolean startedHere;

    @BeforeAll
    static void cluster() throws Exception {
        if (!masterAnswers()) {
            assertThat(script("start.sh", STATE.resolve("start.out"), 300)).as("scripts/cluster/start.sh").isZero();
            startedHere = true;
        }
        assertThat(masterAnswers()).as("master on 127.0.0.1:" + PORT).isTrue();
    }

    @AfterAll
    static void stopIfStartedHere() throws Exception {
        if (startedHere) {
            script("stop.sh", STATE.resolve("stop.out"), 60);
        }
    }

    @Test
    void runsOnTheClusterAndAccountsForEveryRecord(@TempDir Path work) throws Exception {
        Path landing = Files.isDirectory(SAMPLES) ? SAMPLES : smallLanding(work.resolve("landing"));
        Path lake = work.resolve("lake");
        Path conf = Files.isRegularFile(ROOT.resolve("conf/pipeline.yaml"))
                ? ROOT.resolve("conf/pipeline.yaml") : Files.writeString(work.resolve("pipeline.yaml"), "{}\n");
        Path log = STATE.resolve("it-" + COMMAND + ".log");

        Process submit = new ProcessBuilder(List.of(ROOT.resolve("scripts/cluster/submit.sh").toString(), COMMAND,
                "--conf", conf.toString(), "--landing", landing.toString(), "--lake", lake.toString(), "--json"))
                .directory(ROOT.toFile())
                .redirectError(log.toFile())
                .start();
        String output = new String(submit.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = submit.waitFor(4, TimeUnit.MINUTES);
        if (!finished) {
            submit.destroyForcibly();
        }

        assertThat(finished).as("finished within 4 minutes (log: " + log + ")").isTrue();
        assertThat(submit.exitValue()).as("exit status (log: " + log + ")\n" + output).isZero();
        JsonNode report = lastJsonLine(output);
        assertThat(report.path("status").asText()).isEqualTo("succeeded");
        assertThat(report.path("sources").size()).as("sources in the report").isPositive();
        long read = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = report.path("sources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> source = it.next();
            JsonNode counts = source.getValue();
            assertThat(counts.path("read").asLong()).as(source.getKey() + ": read = accepted + quarantined + duplicate")
                    .isEqualTo(counts.path("accepted").asLong() + counts.path("quarantined").asLong()
                            + counts.path("duplicate").asLong());
            read += counts.path("read").asLong();
        }
        assertThat(read).as("lines read from the samples").isPositive();
        assertThat(lake.resolve("bronze")).as("bronze tables written by the cluster").isDirectory();
        assertThat(Files.readString(STATE.resolve("master.log"))).as("the master ran the application")
                .contains("Registering app connekz-pipeline");
    }

    /** A landing zone with a good line, a bad one and a repeated one, for when the samples are not there. */
    static Path smallLanding(Path landing) throws IOException {
        Path chats = Files.createDirectories(landing.resolve("chats/dt=2026-11-24"));
        String chat = "{\"message_id\":\"m%d\",\"conversation_id\":\"c1\",\"user_id\":\"u1\",\"role\":\"user\","
                + "\"text\":\"hello\",\"created_at\":\"2026-11-24T10:00:00+13:00\"}";
        Files.write(chats.resolve("part-0.jsonl"), List.of(chat.formatted(1), "{not json", chat.formatted(2), chat.formatted(2)));
        Path accounts = Files.createDirectories(landing.resolve("accounts/dt=2026-11-24"));
        Files.write(accounts.resolve("part-0.jsonl"), List.of(
                "{\"user_id\":\"u1\",\"created_at\":\"2025-01-01T00:00:00Z\",\"date_of_birth\":\"1990-05-01\"}"));
        return landing;
    }

    static JsonNode lastJsonLine(String output) throws IOException {
        List<String> lines = new ArrayList<>(output.lines().filter(line -> line.startsWith("{")).toList());
        assertThat(lines).as("a JSON report on stdout:\n" + output).isNotEmpty();
        return new ObjectMapper().readTree(lines.get(lines.size() - 1));
    }

    static boolean masterAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", PORT), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int script(String name, Path output, long timeoutSeconds) throws Exception {
        Files.createDirectories(output.getParent());
        Process process = new ProcessBuilder(ROOT.resolve("scripts/cluster/" + name).toString())
                .directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
