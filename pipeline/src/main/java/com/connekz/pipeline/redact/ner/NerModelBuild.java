package com.connekz.pipeline.redact.ner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Version;

/**
 * Builds the shipped model end to end: trains on the corpora's train and dev files (plus wikigold's
 * training part), scores it on the test files and wikigold's held-out part at each threshold, and
 * describes the result in a {@link NerManifest}.
 */
public final class NerModelBuild {
    public static final String MODEL_FILE = "en-ner-connekz.bin";

    /** The thresholds the manifest reports; the recommended one is among them. */
    public static final List<Double> THRESHOLDS = List.of(0.5, 0.3, 0.2, 0.15, 0.1);
    public static final double RECOMMENDED_MIN_PROBABILITY = 0.15;

    private NerModelBuild() {
    }

    /** A built model: its bytes and its manifest. */
    public record Built(byte[] model, NerManifest manifest) {
    }

    /** Trains the release model and evaluates it on the held-out sets. */
    public static Built release(NerCorpora corpora, TrainingSettings settings) {
        List<NameSample> training = corpora.trainingSamples(true);
        long started = System.nanoTime();
        TokenNameFinderModel model = NameFinderTraining.train(training, settings);
        double seconds = Math.round((System.nanoTime() - started) / 1e8) / 10.0;
        byte[] bytes = NameFinderTraining.serialize(model);
        List<ThresholdEvaluation> evaluation = evaluate(model, corpora.evaluationSets());
        NerManifest manifest = new NerManifest(MODEL_FILE, ModelBytes.sha256(bytes), bytes.length,
                Version.currentVersion().toString(), settings, PersonNameDictionary.describe(), NerCorpora.WIKIGOLD_SPLIT, corpora.files(true),
                training.size(), seconds, RECOMMENDED_MIN_PROBABILITY, NerManifest.SCORING, evaluation);
        return new Built(bytes, manifest);
    }

    /** Trains without the dev files and scores on them: for choosing settings, never for release figures. */
    public static List<ThresholdEvaluation> tune(NerCorpora corpora, TrainingSettings settings) {
        TokenNameFinderModel model = NameFinderTraining.train(corpora.trainingSamples(false), settings);
        return evaluate(model, corpora.devSets());
    }

    static List<ThresholdEvaluation> evaluate(TokenNameFinderModel model, Map<String, List<NameSample>> sets) {
        return THRESHOLDS.stream().map(threshold -> {
            NameFinder finder = new NameFinder(model, threshold);
            Map<String, Map<String, TypeFigures>> bySet = new LinkedHashMap<>();
            sets.forEach((name, samples) -> {
                Map<String, TypeFigures> byType = new LinkedHashMap<>();
                NerEvaluation.evaluate(samples, finder::find).forEach((type, scores) -> byType.put(type, TypeFigures.of(scores)));
                bySet.put(name, byType);
            });
            return new ThresholdEvaluation(threshold, bySet);
        }).toList();
    }
}
