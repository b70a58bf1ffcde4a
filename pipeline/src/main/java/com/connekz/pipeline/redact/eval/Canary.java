package com.connekz.pipeline.redact.eval;

import com.connekz.pipeline.redact.RedactionEngine;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The small labelled New Zealand set shipped in the jar ({@value #RESOURCE}), scored on every run:
 * token recall per type tells whether redaction still works before anything is published.
 */
public final class Canary {
    public static final String RESOURCE = "/redact/canary.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Canary() {}

    /** The shipped canary texts. */
    public static List<LabelledText> texts() {
        try (InputStream in = Canary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar holds no canary set at " + RESOURCE);
            }
            List<LabelledText> texts = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    texts.add(JSON.readValue(line, LabelledText.class));
                }
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException("canary set is unreadable", e);
        }
    }

    /** The full evaluation of the engine on the canary set. */
    public static Evaluation evaluate(RedactionEngine engine) {
        return Evaluation.of(engine, texts());
    }

    /** Token recall per gold type on the canary set (every type the set labels is present). */
    public static Map<String, Double> recallByType(RedactionEngine engine) {
        Map<String, Double> recall = new TreeMap<>();
        evaluate(engine).tokensByType().forEach((type, scores) -> {
            if (scores.truePositives() + scores.falseNegatives() > 0) {
                recall.put(type, scores.recall());
            }
        });
        return recall;
    }

    /** The types whose canary recall is below {@code floor}: a run must not publish when any is. */
    public static List<String> typesBelow(Map<String, Double> recallByType, double floor) {
        return recallByType.entrySet().stream().filter(entry -> entry.getValue() < floor).map(Map.Entry::getKey).toList();
    }
}
