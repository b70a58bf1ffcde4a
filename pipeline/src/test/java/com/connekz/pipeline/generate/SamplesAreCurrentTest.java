package com.connekz.pipeline.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed samples are what the generator writes with the samples' options: the same files
 * with the same number of lines, the same labelled fields, and the same case list, which the README
 * shows. Only the planted identifier values may differ, since the redaction engine's generators draw
 * them. After a change to the generator, regenerate with the command in {@code data-samples/README.md}.
 */
class SamplesAreCurrentTest {
    private static final Path SAMPLES = Path.of("..", "data-samples");

    @TempDir
    Path temp;

    @Test
    void committedSamplesMatchAFreshGeneration() throws IOException {
        LandingGenerator.generate(temp.resolve("landing"), GeneratorOptions.samples(temp.resolve("labels")));

        Map<String, Integer> fresh = lineCounts(temp);
        Map<String, Integer> committed = lineCounts(SAMPLES);
        committed.remove("README.md");
        assertThat(committed).isEqualTo(fresh);
        for (String caseFile : new String[] {"labels/cases.json", "labels/cases.md"}) {
            assertThat(Files.readString(SAMPLES.resolve(caseFile), StandardCharsets.UTF_8)).as(caseFile)
                    .isEqualTo(Files.readString(temp.resolve(caseFile), StandardCharsets.UTF_8));
        }
    }

    @Test
    void readmeListsTheGeneratedCases() throws IOException {
        String readme = Files.readString(SAMPLES.resolve("README.md"), StandardCharsets.UTF_8);
        String cases = Files.readString(SAMPLES.resolve("labels/cases.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains(cases);
    }

    private static Map<String, Integer> lineCounts(Path root) throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                counts.put(root.relativize(file).toString().replace('\\', '/'), LandingLines.lines(file).size());
            }
        }
        return counts;
    }
}
