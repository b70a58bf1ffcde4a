package com.connekz.pipeline.redact.ner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;

/**
 * Scores a name finder against labelled sentences at token and span level, per entity type and in
 * total ({@link #ALL}). Word tokens are runs of word characters inside the corpus tokens, so that
 * punctuation and emoji tokens count for nothing, as in the contract's redaction scoring.
 */
public final class NerEvaluation {
    public static final String ALL = "all";
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    private NerEvaluation() {
    }

    /** Scores by type name ({@link EntityType#modelName()}s, then {@link #ALL}), in that order. */
    public static Map<String, TypeScores> evaluate(List<NameSample> gold, Function<String[], List<Span>> finder) {
        Map<String, TypeScores> byType = new LinkedHashMap<>();
        for (EntityType type : EntityType.values()) {
            byType.put(type.modelName(), TypeScores.ZERO);
        }
        for (NameSample sample : gold) {
            String[] tokens = sample.getSentence();
            List<Span> predicted = finder.apply(tokens);
            for (EntityType type : EntityType.values()) {
                byType.merge(type.modelName(), score(tokens, sample.getNames(), predicted, type.modelName()),
                        TypeScores::plus);
            }
        }
        TypeScores all = byType.values().stream().reduce(TypeScores.ZERO, TypeScores::plus);
        byType.put(ALL, all);
        return byType;
    }

    private static TypeScores score(String[] tokens, Span[] gold, List<Span> predicted, String type) {
        String[] goldType = typeOfEachToken(tokens.length, List.of(gold));
        String[] predictedType = typeOfEachToken(tokens.length, predicted);
        long goldWords = 0;
        long goldCovered = 0;
        long goldCoveredTyped = 0;
        long predictedWords = 0;
        long predictedInGold = 0;
        long predictedInGoldTyped = 0;
        for (int i = 0; i < tokens.length; i++) {
            long words = wordCount(tokens[i]);
            if (type.equals(goldType[i])) {
                goldWords += words;
                goldCovered += predictedType[i] != null ? words : 0;
                goldCoveredTyped += type.equals(predictedType[i]) ? words : 0;
            }
            if (type.equals(predictedType[i])) {
                predictedWords += words;
                predictedInGold += goldType[i] != null ? words : 0;
                predictedInGoldTyped += type.equals(goldType[i]) ? words : 0;
            }
        }
        long goldSpans = 0;
        long matched = 0;
        for (Span span : gold) {
            if (span.getType().equals(type)) {
                goldSpans++;
                matched += predicted.stream().anyMatch(p -> sameSpan(p, span)) ? 1 : 0;
            }
        }
        long predictedSpans = predicted.stream().filter(p -> p.getType().equals(type)).count();
        return new TypeScores(
                new Tally(predictedInGold, predictedWords, goldCovered, goldWords),
                new Tally(predictedInGoldTyped, predictedWords, goldCoveredTyped, goldWords),
                new Tally(matched, predictedSpans, matched, goldSpans));
    }

    private static boolean sameSpan(Span a, Span b) {
        return a.getStart() == b.getStart() && a.getEnd() == b.getEnd() && a.getType().equals(b.getType());
    }

    private static String[] typeOfEachToken(int length, List<Span> spans) {
        String[] types = new String[length];
        for (Span span : spans) {
            for (int i = span.getStart(); i < span.getEnd() && i < length; i++) {
                types[i] = span.getType();
            }
        }
        return types;
    }

    static long wordCount(String token) {
        return WORD.matcher(token).results().count();
    }
}
