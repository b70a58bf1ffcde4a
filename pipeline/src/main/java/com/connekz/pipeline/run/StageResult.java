package com.connekz.pipeline.run;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one stage did: its counts per source, the table versions it read and wrote, and any
 * stage-specific figures (e.g. redacted entities by type). Immutable.
 *
 * @param stage   the stage's name ({@code ingest}, {@code govern}, ...)
 * @param sources counts per source folder name
 * @param inputs  table path (relative to the lake) to the Delta version read
 * @param outputs table path (relative to the lake) to the Delta version committed
 * @param metrics other named figures of this stage
 */
public record StageResult(
        String stage,
        Map<String, SourceCounts> sources,
        Map<String, Long> inputs,
        Map<String, Long> outputs,
        Map<String, Long> metrics) {

    public StageResult {
        sources = Map.copyOf(sources);
        inputs = Map.copyOf(inputs);
        outputs = Map.copyOf(outputs);
        metrics = Map.copyOf(metrics);
    }

    public static Builder builder(String stage) {
        return new Builder(stage);
    }

    /** Collects a stage's figures while it runs. */
    public static final class Builder {
        private final String stage;
        private final Map<String, SourceCounts> sources = new LinkedHashMap<>();
        private final Map<String, Long> inputs = new LinkedHashMap<>();
        private final Map<String, Long> outputs = new LinkedHashMap<>();
        private final Map<String, Long> metrics = new LinkedHashMap<>();

        private Builder(String stage) {
            this.stage = stage;
        }

        public Builder source(String source, SourceCounts counts) {
            sources.merge(source, counts, SourceCounts::plus);
            return this;
        }

        public Builder input(String table, long version) {
            inputs.put(table, version);
            return this;
        }

        public Builder output(String table, long version) {
            outputs.put(table, version);
            return this;
        }

        public Builder metric(String name, long value) {
            metrics.merge(name, value, Long::sum);
            return this;
        }

        public StageResult build() {
            return new StageResult(stage, sources, inputs, outputs, metrics);
        }
    }
}
