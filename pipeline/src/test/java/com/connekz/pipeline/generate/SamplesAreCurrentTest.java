package com.connekz.pipeline.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed samples are exactly what the generator writes with the samples' options, so that the
 * README's case list (rendered by the generator) tells the truth about them. After a change to the
 * generator, regenerate them with the command in {@code data-samples/README.md}.
 */
class SamplesAreCurrentTest {
    private static final Path SAMPLES = Path.of("..", "data-samples");

    @TempDir
    Path temp;

    @Test
    void committedSamplesEqualAFreshGeneration() throws IOException {
        LandingGenerator.generate(temp.resolve("landing"), GeneratorOptions.samples(temp.resolve("labels")));

        Map<String, byte[]> fresh = LandingGeneratorTest.contents(temp);
        Map<String, byte[]> committedAll = new java.util.TreeMap<>();
        LandingGeneratorTest.contents(SAMPLES.resolve("landing")).forEach((k, v) -> committedAll.put("landing/" + k, v));
        LandingGeneratorTest.contents(SAMPLES.resolve("labels")).forEach((k, v) -> committedAll.put("labels/" + k, v));

        assertThat(committedAll.keySet()).isEqualTo(fresh.keySet());
        fresh.forEach((file, bytes) -> assertThat(committedAll.get(file)).as(file).isEqualTo(bytes));
    }

    @Test
    void readmeListsTheGeneratedCases() throws IOException {
        String readme = Files.readString(SAMPLES.resolve("README.md"), StandardCharsets.UTF_8);
        String cases = Files.readString(SAMPLES.resolve("labels/cases.md"), StandardCharsets.UTF_8);
        assertThat(readme).contains(cases);
    }
}
