package com.connekz.pipeline.redact.bench;

import com.connekz.pipeline.config.HashKey;
import com.connekz.pipeline.redact.Recognizer;
import com.connekz.pipeline.redact.RecognizerRegistry;
import com.connekz.pipeline.redact.RedactionEngine;
import com.connekz.pipeline.redact.RedactionPolicy;
import com.connekz.pipeline.redact.TextView;
import com.connekz.pipeline.redact.ner.NameFinderModels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Redaction throughput on one core, on generated chat text: the full engine with and without the
 * OpenNLP name finder, beside a baseline that only tokenises the same text (one pass over every
 * char), so that figures from a loaded machine still compare. The shipped engine (name finder on
 * name candidates, faster search) runs beside the same engine reading every sentence and beside the
 * name finder as it was before ({@link OpenNlpBeforeRecognizer}: OpenNLP's own search on every
 * sentence). One operation redacts every message of the batch, each as its own example. Run with
 * {@code main} (prints MB/s per core and ratios).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 4)
public class RedactionBenchmark {
    static final int MESSAGES = 2_000;
    private static final HashKey KEY = new HashKey("benchmark".getBytes(StandardCharsets.UTF_8), true);

    private List<String> messages;
    private RedactionEngine everything;
    private RedactionEngine withoutNameFinder;
    private RedactionEngine everySentence;
    private RedactionEngine before;

    @Setup
    public void setUp() {
        messages = ChatText.messages(MESSAGES, 42);
        RedactionPolicy policy = RedactionPolicy.shipped();
        RecognizerRegistry registry = RecognizerRegistry.forPolicy(policy);
        everything = new RedactionEngine(policy, registry, KEY);
        withoutNameFinder = new RedactionEngine(policy, registry.withoutNameFinder(), KEY);
        everySentence = RedactionEngine.of(withScope(policy, RedactionPolicy.EVERY_SENTENCE), KEY);
        List<Recognizer> beforeRecognizers = new ArrayList<>(registry.withoutNameFinder().recognizers());
        beforeRecognizers.add(new OpenNlpBeforeRecognizer(NameFinderModels.load().orElseThrow()));
        before = new RedactionEngine(policy, RecognizerRegistry.of(beforeRecognizers), KEY);
    }

    @Benchmark
    public void baselineTokenise(Blackhole sink) {
        for (String message : messages) {
            TextView view = new TextView(message);
            for (int t = 0; t < view.tokenCount(); t++) {
                sink.consume(view.lowerToken(t));
            }
        }
    }

    @Benchmark
    public void engineWithoutNameFinder(Blackhole sink) {
        for (String message : messages) {
            sink.consume(withoutNameFinder.redact(message));
        }
    }

    @Benchmark
    public void engineWithNameFinder(Blackhole sink) {
        for (String message : messages) {
            sink.consume(everything.redact(message));
        }
    }

    @Benchmark
    public void engineWithNameFinderEverySentence(Blackhole sink) {
        for (String message : messages) {
            sink.consume(everySentence.redact(message));
        }
    }

    @Benchmark
    public void engineWithNameFinderBefore(Blackhole sink) {
        for (String message : messages) {
            sink.consume(before.redact(message));
        }
    }

    private static RedactionPolicy withScope(RedactionPolicy policy, String scope) {
        return new RedactionPolicy(policy.version(), policy.entities(), policy.defaultThreshold(),
                policy.thresholds(), policy.contextBoost(), policy.contextWindow(), policy.context(), policy.allowList(),
                policy.denyList(), policy.operators(), policy.dropExample(), true, scope, policy.propagateNames());
    }

    public static void main(String[] args) throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(RedactionBenchmark.class.getSimpleName()).build()).run();
        double megabytes = ChatText.utf8Bytes(ChatText.messages(MESSAGES, 42)) / 1e6;
        boolean model = RecognizerRegistry.forPolicy(RedactionPolicy.shipped()).hasNameFinder();
        double baseline = 0;
        for (RunResult result : results) {
            if (result.getParams().getBenchmark().endsWith("baselineTokenise")) {
                baseline = result.getPrimaryResult().getScore() * megabytes;
            }
        }
        System.out.printf("%nbatch: %d messages, %.3f MB; name-finder model on classpath: %s%n", MESSAGES, megabytes, model);
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark().replaceAll(".*\\.", "");
            double mbPerSecond = result.getPrimaryResult().getScore() * megabytes;
            System.out.printf("%-26s %8.2f MB/s per core   %6.3f x baseline%n", name, mbPerSecond, mbPerSecond / baseline);
        }
    }
}
