package com.connekz.pipeline.redact.ner;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;

/**
 * Finds person, location and organization names in a tokenized text. Thread-safe: each thread gets
 * its own OpenNLP decoder. Each call is independent of the ones before it (no adaptive data carries
 * over), so the same tokens always give the same result.
 */
public final class NameFinder {
    /** The beam keeps this many label sequences; lower thresholds draw names from the runners-up. */
    public static final int SEQUENCES = 5;

    private final Map<EntityType, Double> minProbabilityByType;
    private final ThreadLocal<KBestDecoder> decoders;

    /**
     * @param minProbability a name is returned when the label sequences that hold it carry at least
     *     this much of the probability; 0.5 is close to OpenNLP's own best-sequence decision, lower
     *     values trade precision for recall
     */
    public NameFinder(TokenNameFinderModel model, double minProbability) {
        this(model, sameForAll(minProbability));
    }

    /** As {@link #NameFinder(TokenNameFinderModel, double)} with a threshold per type; every type needs one. */
    public NameFinder(TokenNameFinderModel model, Map<EntityType, Double> minProbabilityByType) {
        for (EntityType type : EntityType.values()) {
            Double threshold = minProbabilityByType.get(type);
            if (threshold == null || !(threshold > 0 && threshold <= 1)) {
                throw new IllegalArgumentException("minProbability of " + type + " must be in (0, 1]: " + threshold);
            }
        }
        this.minProbabilityByType = new EnumMap<>(minProbabilityByType);
        this.decoders = ThreadLocal.withInitial(() -> new KBestDecoder(model, SEQUENCES));
    }

    /** A finder over the shipped model, or empty when the jar holds no model. */
    public static Optional<NameFinder> shipped(double minProbability) {
        return NameFinderModels.load().map(model -> new NameFinder(model, minProbability));
    }

    /**
     * The names in the tokens as non-overlapping token spans in token order: {@code getType()} is
     * an {@link EntityType#modelName()}, {@code getStart()}/{@code getEnd()} are token indexes (end
     * exclusive) and {@code getProb()} is the probability, at least the type's threshold. Where
     * candidates overlap, the more probable one wins. A person's leading titles ("Dr", "Mrs.") are
     * left out of its span.
     */
    public List<Span> find(String[] tokens) {
        if (tokens.length == 0) {
            return List.of();
        }
        return KBestDecoder.nonOverlapping(decoders.get().spanProbabilities(tokens), this::threshold).stream()
                .map(span -> Honorifics.withoutLeadingTitles(tokens, span))
                .toList();
    }

    private double threshold(String modelType) {
        return EntityType.fromModelName(modelType).map(minProbabilityByType::get).orElse(Double.POSITIVE_INFINITY);
    }

    private static Map<EntityType, Double> sameForAll(double minProbability) {
        Map<EntityType, Double> thresholds = new EnumMap<>(EntityType.class);
        for (EntityType type : EntityType.values()) {
            thresholds.put(type, minProbability);
        }
        return thresholds;
    }
}
