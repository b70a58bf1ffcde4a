package com.connekz.pipeline.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generation streams: a JVM with a 32 MB heap writes far more data than it could hold (a few hundred
 * thousand records, well over 100 MB with labels). Nothing is timed; running out of heap fails it.
 */
class StreamingTest {

    @TempDir
    Path temp;

    @Test
    void generatesMoreThanTheHeapCouldHold() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
                SmallHeapGeneration.class.getName(), temp.resolve("out").toString(), "12000", "2"))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();

        assertThat(status).as(output).isZero();
        long lines = Long.parseLong(output.strip().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(lines).isGreaterThan(150_000);
        long bytes;
        try (Stream<Path> files = Files.walk(temp.resolve("out"))) {
            bytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
        assertThat(bytes).isGreaterThan(32L << 20);
    }
}
