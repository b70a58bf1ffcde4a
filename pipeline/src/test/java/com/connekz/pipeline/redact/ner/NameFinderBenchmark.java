package com.connekz.pipeline.redact.ner;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.tokenize.SimpleTokenizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of the shipped model on chat-like sentences: OpenNLP's own best-sequence finder (the
 * baseline) against {@link NameFinder}, which weighs the beam's runner-up sequences too. One
 * operation is one pass over {@link #SENTENCES} sentences; the setup prints their size in bytes, so
 * MB/s = ops/s x bytes / 1e6. Run: see the report of the ner-model branch (org.openjdk.jmh.Main).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class NameFinderBenchmark {
    static final int SENTENCES = 200;
    private static final String[] FIRST = {"Aroha", "James", "Mere", "sarah", "Wiremu", "li", "Olivia", "Tama"};
    private static final String[] LAST = {"Smith", "Ngata", "Patel", "walker", "Te Awa", "Nguyen"};
    private static final String[] PLACES = {"Auckland", "wellington", "Palmerston North", "Napier", "Dunedin"};
    private static final String[] TEMPLATES = {
        "hi, my name is %s %s and I live in %s.",
        "Can you remind %s to call the bank tomorrow morning about the mortgage?",
        "thanks so much, i'll tell %s %s you said hi when we get to %s",
        "What's the weather like in %s this weekend? We're driving down on Saturday.",
        "Please draft an email to %s %s about the invoice from last month.",
        "ok cool see you at 5 then"};

    private List<String[]> sentences;
    private NameFinderME openNlp;
    private NameFinder recallOriented;

    @Setup
    public void setUp() {
        TokenNameFinderModel model = NameFinderModels.load().orElseThrow();
        openNlp = new NameFinderME(model);
        recallOriented = new NameFinder(model, NerModelBuild.RECOMMENDED_MIN_PROBABILITY);
        Random random = new Random(42);
        sentences = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < SENTENCES; i++) {
            String text = String.format(TEMPLATES[random.nextInt(TEMPLATES.length)],
                    pick(random, FIRST), pick(random, LAST), pick(random, PLACES));
            bytes += text.getBytes(StandardCharsets.UTF_8).length;
            sentences.add(SimpleTokenizer.INSTANCE.tokenize(text));
        }
        System.out.println("bytes per operation: " + bytes);
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    @Benchmark
    public void openNlpBestSequence(Blackhole sink) {
        for (String[] tokens : sentences) {
            sink.consume(openNlp.find(tokens));
            openNlp.clearAdaptiveData();
        }
    }

    @Benchmark
    public void nameFinderAtRecommendedThreshold(Blackhole sink) {
        for (String[] tokens : sentences) {
            sink.consume(recallOriented.find(tokens));
        }
    }
}
