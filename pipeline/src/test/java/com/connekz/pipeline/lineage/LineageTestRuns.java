package com.connekz.pipeline.lineage;

import com.connekz.pipeline.config.ConfigLoader;
import com.connekz.pipeline.run.RunContext;
import com.connekz.pipeline.testing.TestRuns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Run contexts with lineage settings, and stages that report fixed figures or fail. */
final class LineageTestRuns {
    private LineageTestRuns() {}

    /** A {@code nightly} run over {@code dir}'s lake, with {@code settings} as {@code --set} overrides. */
    static RunContext nightly(Path dir, Map<String, String> settings) {
        RunContext base = TestRuns.context(dir.resolve("landing").toString(), dir.resolve("lake").toString(), "nightly");
        Map<String, String> overrides = new HashMap<>(settings);
        overrides.put("landing", dir.resolve("landing").toString());
        overrides.put("lake", dir.resolve("lake").toString());
        try {
            Path empty = Files.createTempFile(dir, "pipeline", ".yaml");
            return new RunContext(base.spark(), ConfigLoader.load(empty, overrides), base.hashKey(), base.runId(),
                    base.command(), base.runDate(), base.startedAt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
