package com.connekz.pipeline.redact.eval;

import com.connekz.pipeline.redact.Entity;
import com.connekz.pipeline.redact.RedactionEngine;
import com.connekz.pipeline.redact.TextView;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scores the engine against labelled texts, as contract section 6 defines: a token is a run of word
 * characters; token recall is the share of gold tokens covered by any detected entity; token
 * precision the share of detected tokens that lie in any gold span. Per type, recall is over the
 * type's gold tokens and precision over the tokens the engine gave that type. Span level: a
 * detected span matches a gold span of the same type when they overlap by at least half of the
 * longer one.
 */
public final class Evaluation {
    private final Map<String, Scores> tokensByType = new TreeMap<>();
    private final Map<String, Scores> spansByType = new TreeMap<>();
    private Scores tokens = Scores.ZERO;
    private Scores spans = Scores.ZERO;
    private long texts;

    /** Scores every labelled text with the engine and returns the totals. */
    public static Evaluation of(RedactionEngine engine, Iterable<LabelledText> labelled) {
        Evaluation evaluation = new Evaluation();
        for (LabelledText text : labelled) {
            evaluation.add(text, engine.analyze(text.text()));
        }
        return evaluation;
    }

    /** Adds one text with the entities the engine found in it (UTF-16 offsets). */
    public void add(LabelledText labelled, List<Entity> detected) {
        texts++;
        String text = labelled.text();
        List<int[]> gold = new ArrayList<>();
        List<String> goldTypes = new ArrayList<>();
        for (LabelledText.Span span : labelled.entities()) {
            gold.add(new int[] {CodePoints.toCharIndex(text, span.start()), CodePoints.toCharIndex(text, span.end())});
            goldTypes.add(span.type());
        }
        scoreTokens(new TextView(text), gold, goldTypes, detected);
        scoreSpans(gold, goldTypes, detected);
    }

    private void scoreTokens(TextView view, List<int[]> gold, List<String> goldTypes, List<Entity> detected) {
        for (int t = 0; t < view.tokenCount(); t++) {
            int start = view.tokenStart(t);
            int end = view.tokenEnd(t);
            String goldType = null;
            for (int g = 0; g < gold.size(); g++) {
                if (gold.get(g)[0] < end && start < gold.get(g)[1]) {
                    goldType = goldTypes.get(g);
                    break;
                }
            }
            String detectedType = null;
            for (Entity entity : detected) {
                if (entity.start() < end && start < entity.end()) {
                    detectedType = entity.type();
                    break;
                }
            }
            if (goldType != null) {
                Scores outcome = detectedType != null ? new Scores(1, 0, 0) : new Scores(0, 0, 1);
                tokens = tokens.plus(outcome);
                tokensByType.merge(goldType, outcome, Scores::plus);
            } else if (detectedType != null) {
                tokens = tokens.plus(new Scores(0, 1, 0));
                tokensByType.merge(detectedType, new Scores(0, 1, 0), Scores::plus);
            }
        }
    }

    private void scoreSpans(List<int[]> gold, List<String> goldTypes, List<Entity> detected) {
        boolean[] matched = new boolean[detected.size()];
        for (int g = 0; g < gold.size(); g++) {
            boolean found = false;
            for (int d = 0; d < detected.size(); d++) {
                Entity entity = detected.get(d);
                if (entity.type().equals(goldTypes.get(g)) && overlapsEnough(gold.get(g), entity)) {
                    found = true;
                    matched[d] = true;
                }
            }
            Scores outcome = found ? new Scores(1, 0, 0) : new Scores(0, 0, 1);
            spans = spans.plus(outcome);
            spansByType.merge(goldTypes.get(g), outcome, Scores::plus);
        }
        for (int d = 0; d < detected.size(); d++) {
            if (!matched[d]) {
                spans = spans.plus(new Scores(0, 1, 0));
                spansByType.merge(detected.get(d).type(), new Scores(0, 1, 0), Scores::plus);
            }
        }
    }

    private static boolean overlapsEnough(int[] gold, Entity entity) {
        int overlap = Math.min(gold[1], entity.end()) - Math.max(gold[0], entity.start());
        int longer = Math.max(gold[1] - gold[0], entity.length());
        return overlap > 0 && 2 * overlap >= longer;
    }

    @JsonProperty("texts")
    public long texts() {
        return texts;
    }

    @JsonProperty("token")
    public Scores tokens() {
        return tokens;
    }

    @JsonProperty("span")
    public Scores spans() {
        return spans;
    }

    @JsonProperty("token_by_type")
    public Map<String, Scores> tokensByType() {
        return Map.copyOf(tokensByType);
    }

    @JsonProperty("span_by_type")
    public Map<String, Scores> spansByType() {
        return Map.copyOf(spansByType);
    }

    /** A table for people: one row per type, token and span precision, recall and F2. */
    public String report() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-18s %7s %6s %6s %6s   %6s %6s %6s%n", "type", "gold_tk", "tok_P", "tok_R", "tok_F2",
                "spn_P", "spn_R", "spn_F2"));
        for (String type : new java.util.TreeSet<>(tokensByType.keySet())) {
            row(out, type, tokensByType.get(type), spansByType.getOrDefault(type, Scores.ZERO));
        }
        for (String type : spansByType.keySet()) {
            if (!tokensByType.containsKey(type)) {
                row(out, type, Scores.ZERO, spansByType.get(type));
            }
        }
        row(out, "ALL", tokens, spans);
        out.append(texts).append(" texts\n");
        return out.toString();
    }

    private static void row(StringBuilder out, String type, Scores token, Scores span) {
        out.append(String.format("%-18s %7d %6.3f %6.3f %6.3f   %6.3f %6.3f %6.3f%n", type,
                token.truePositives() + token.falseNegatives(), token.precision(), token.recall(), token.f2(),
                span.precision(), span.recall(), span.f2()));
    }
}
