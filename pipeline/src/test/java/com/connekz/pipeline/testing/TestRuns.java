package com.connekz.pipeline.testing;

import com.connekz.pipeline.config.ConfigLoader;
import com.connekz.pipeline.config.HashKey;
import com.connekz.pipeline.config.PipelineConfig;
import com.connekz.pipeline.run.RunContext;
import com.connekz.pipeline.run.RunIds;
import com.connekz.pipeline.run.Stage;
import com.connekz.pipeline.run.StageResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;

/** Run contexts over a temporary landing zone and lake, on the shared test session. */
public final class TestRuns {
    public static final HashKey KEY = new HashKey("test-key".getBytes(StandardCharsets.UTF_8), false);

    private TestRuns() {}

    public static PipelineConfig config(String landing, String lake) {
        try {
            Path empty = Files.createTempFile("pipeline", ".yaml");
            return ConfigLoader.load(empty, Map.of("landing", landing, "lake", lake));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RunContext context(String landing, String lake, String command) {
        Instant now = Instant.now();
        return new RunContext(SharedSpark.session(), config(landing, lake), KEY, RunIds.next(now), command,
                LocalDate.of(2026, 11, 25), now);
    }

    /** A stage named {@code name} whose run is {@code body}. */
    public static Stage stage(String name, Function<RunContext, StageResult> body) {
        return new Stage() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public StageResult run(RunContext context) {
                return body.apply(context);
            }
        };
    }
}
