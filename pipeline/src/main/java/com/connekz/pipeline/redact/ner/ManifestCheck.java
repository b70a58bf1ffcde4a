package com.connekz.pipeline.redact.ner;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares a retrained model's manifest with the shipped one. The model reproduces when the
 * checksums agree. Only when the OpenNLP version differs (so equal bytes cannot be expected) do the
 * scores stand in, each within {@link #SCORE_TOLERANCE}.
 */
public final class ManifestCheck {
    public static final double SCORE_TOLERANCE = 0.005;

    private ManifestCheck() {
    }

    /** The differences that make the retrained model not a reproduction; empty when it reproduces. */
    public static List<String> mismatches(NerManifest shipped, NerManifest retrained) {
        List<String> problems = new ArrayList<>();
        Map<String, String> shippedFiles = checksums(shipped);
        checksums(retrained).forEach((path, sha) -> {
            if (!Objects.equals(shippedFiles.get(path), sha)) {
                problems.add("corpus file " + path + " differs from the one the shipped model was trained on");
            }
        });
        if (!problems.isEmpty() || shipped.modelSha256().equals(retrained.modelSha256())) {
            return problems;
        }
        if (shipped.opennlpVersion().equals(retrained.opennlpVersion())) {
            problems.add("model checksum " + retrained.modelSha256() + " differs from the shipped "
                    + shipped.modelSha256() + " with the same OpenNLP " + shipped.opennlpVersion());
        }
        problems.addAll(scoreDifferences(shipped, retrained));
        return problems;
    }

    private static List<String> scoreDifferences(NerManifest shipped, NerManifest retrained) {
        List<String> problems = new ArrayList<>();
        for (ThresholdEvaluation expected : shipped.evaluation()) {
            ThresholdEvaluation actual = retrained.evaluation().stream()
                    .filter(e -> e.minProbability() == expected.minProbability()).findFirst().orElse(null);
            if (actual == null) {
                problems.add("no scores at min_probability " + expected.minProbability());
                continue;
            }
            expected.sets().forEach((set, types) -> types.forEach((type, figures) -> {
                TypeFigures got = actual.sets().getOrDefault(set, Map.of()).get(type);
                if (got == null || differs(figures.token(), got.token()) || differs(figures.span(), got.span())) {
                    problems.add("scores differ: " + set + " " + type + " at min_probability " + expected.minProbability());
                }
            }));
        }
        return problems;
    }

    private static boolean differs(Figures a, Figures b) {
        return Math.abs(a.precision() - b.precision()) > SCORE_TOLERANCE
                || Math.abs(a.recall() - b.recall()) > SCORE_TOLERANCE
                || Math.abs(a.f2() - b.f2()) > SCORE_TOLERANCE;
    }

    private static Map<String, String> checksums(NerManifest manifest) {
        Map<String, String> byPath = new java.util.LinkedHashMap<>();
        manifest.corpusFiles().forEach(file -> byPath.put(file.path(), file.sha256()));
        return byPath;
    }
}
