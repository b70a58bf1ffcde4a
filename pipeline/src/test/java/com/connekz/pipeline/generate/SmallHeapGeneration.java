package com.connekz.pipeline.generate;

import java.nio.file.Path;

/** Entry point for {@link StreamingTest}: generates into a folder inside a deliberately small heap. */
public final class SmallHeapGeneration {
    private SmallHeapGeneration() {}

    public static void main(String[] args) {
        GenerationSummary summary = LandingGenerator.generate(Path.of(args[0]),
                GeneratorOptions.of(Integer.parseInt(args[1]), Integer.parseInt(args[2])).withBadLines(0.01, 0.01));
        System.out.println(summary.lines());
    }
}
