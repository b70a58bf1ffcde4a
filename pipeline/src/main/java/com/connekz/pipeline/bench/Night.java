package com.connekz.pipeline.bench;

import com.connekz.pipeline.run.RunContext;
import com.connekz.pipeline.run.Stage;
import com.connekz.pipeline.run.StageResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** One timed nightly run: each stage's wall time and the driver's peak heap while it ran. */
final class Night {
    static final String TOTAL = "nightly";

    private final Map<String, Duration> times = new LinkedHashMap<>();
    private final Map<String, Long> heaps = new LinkedHashMap<>();
    private final Map<String, Long> retained = new LinkedHashMap<>();
    private final Map<String, Long> driverOwn = new LinkedHashMap<>();

    private Night() {}

    static Night run(RunContext context, Function<RunContext, List<Stage>> stages, StageProfile profile) {
        Night night = new Night();
        for (Stage stage : stages.apply(context)) {
            HeapWatch.reset();
            profile.start();
            StageResult[] result = new StageResult[1];
            night.times.put(stage.name(), Bench.time(() -> result[0] = stage.run(context)));
            profile.finish(result[0]);
            night.heaps.put(stage.name(), HeapWatch.peak());
            night.retained.put(stage.name(), HeapWatch.retained());
            night.driverOwn.put(stage.name(), HeapWatch.driverOwn());
        }
        return night;
    }

    Duration timeOf(String stage) {
        return stage.equals(TOTAL) ? total() : times.getOrDefault(stage, Duration.ZERO);
    }

    /** What a step is compared with, measured in the same run. */
    record Baseline(String name, Duration time) {}

    private Duration total() {
        return times.values().stream().reduce(Duration.ZERO, Duration::plus);
    }

    private static long largest(Map<String, Long> bytesByStage) {
        return bytesByStage.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** Each stage, then the whole night, against {@code baselineOf} the step's name. */
    List<Measurement> measure(String night, BenchLanding.Batch batch, Function<String, Baseline> baselineOf) {
        List<Measurement> measurements = new ArrayList<>();
        for (Map.Entry<String, Duration> stage : times.entrySet()) {
            Baseline baseline = baselineOf.apply(stage.getKey());
            measurements.add(new Measurement(night, stage.getKey(), batch.lines(), batch.bytes(), stage.getValue(),
                    baseline.time(), baseline.name(), heaps.get(stage.getKey()), retained.get(stage.getKey()),
                    driverOwn.get(stage.getKey())));
        }
        Baseline baseline = baselineOf.apply(TOTAL);
        measurements.add(new Measurement(night, TOTAL, batch.lines(), batch.bytes(), total(), baseline.time(),
                baseline.name(), largest(heaps), largest(retained), largest(driverOwn)));
        return measurements;
    }
}
