package com.connekz.pipeline.redact.ner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Sequence;
import opennlp.tools.util.SequenceCodec;
import opennlp.tools.util.SequenceValidator;
import opennlp.tools.util.Span;

/**
 * One decoder per thread (OpenNLP's finder keeps state). Where {@link NameFinderME#find} keeps only
 * the best label sequence, this weighs every sequence the beam returns by its probability, so that
 * a name the best sequence missed but a close runner-up found still gets a probability: the sum of
 * the weights of the sequences that hold it. Perceptron models (the shipped one) are searched with
 * {@link PerceptronBeamSearch}, which gives OpenNLP's sequences faster, weighing features with
 * {@link ShippedFeatures} when the model was trained with the shipped descriptor.
 */
final class KBestDecoder extends NameFinderME {
    private final SequenceCodec<String> codec;
    private final SequenceValidator<String> validator;
    private final int sequences;
    private final PerceptronBeamSearch fastSearch;
    private final FixedFeatures fastSearchFeatures;

    KBestDecoder(TokenNameFinderModel model, int sequences) {
        super(model);
        this.codec = model.getFactory().createSequenceCodec();
        this.validator = codec.createSequenceValidator();
        this.sequences = sequences;
        this.fastSearch = PerceptronBeamSearch.of(model).orElse(null);
        this.fastSearchFeatures = fastSearch == null ? null
                : fastSearch.shippedFeatures(model).orElseGet(() -> fastSearch.featuresOf(contextGenerator));
    }

    /** Every span any returned sequence holds, each with its summed sequence weight. */
    Map<Span, Double> spanProbabilities(String[] tokens) {
        PerceptronBeamSearch.Ranked[] ranked = fastSearch != null
                ? fastSearch.best(sequences, tokens, fastSearchFeatures, validator)
                : ranked(model.bestSequences(sequences, tokens, null, contextGenerator, validator));
        clearAdaptiveData();
        double[] weights = normalizedWeights(ranked);
        Map<Span, Double> probabilities = new HashMap<>();
        for (int i = 0; i < ranked.length; i++) {
            for (Span span : codec.decode(ranked[i].labels())) {
                Span withoutProbability = new Span(span.getStart(), span.getEnd(), span.getType());
                probabilities.merge(withoutProbability, weights[i], Double::sum);
            }
        }
        return probabilities;
    }

    private static PerceptronBeamSearch.Ranked[] ranked(Sequence[] sequences) {
        PerceptronBeamSearch.Ranked[] ranked = new PerceptronBeamSearch.Ranked[sequences.length];
        for (int i = 0; i < sequences.length; i++) {
            ranked[i] = new PerceptronBeamSearch.Ranked(sequences[i].getOutcomes(), sequences[i].getScore());
        }
        return ranked;
    }

    /** Sequence scores are summed log probabilities; weights are their softmax. */
    private static double[] normalizedWeights(PerceptronBeamSearch.Ranked[] ranked) {
        double best = Double.NEGATIVE_INFINITY;
        for (PerceptronBeamSearch.Ranked sequence : ranked) {
            best = Math.max(best, sequence.score());
        }
        double[] weights = new double[ranked.length];
        double total = 0;
        for (int i = 0; i < ranked.length; i++) {
            weights[i] = Math.exp(ranked[i].score() - best);
            total += weights[i];
        }
        for (int i = 0; i < ranked.length; i++) {
            weights[i] /= total;
        }
        return weights;
    }

    /** The candidates at or above their type's threshold, the more probable winning an overlap. */
    static List<Span> nonOverlapping(Map<Span, Double> candidates, ToDoubleFunction<String> thresholdOfType) {
        List<Span> ranked = new ArrayList<>();
        candidates.forEach((span, probability) -> {
            if (probability >= thresholdOfType.applyAsDouble(span.getType())) {
                ranked.add(new Span(span.getStart(), span.getEnd(), span.getType(), probability));
            }
        });
        ranked.sort((a, b) -> {
            int byProbability = Double.compare(b.getProb(), a.getProb());
            if (byProbability != 0) {
                return byProbability;
            }
            int byLength = Integer.compare(b.length(), a.length());
            return byLength != 0 ? byLength : a.compareTo(b);
        });
        List<Span> kept = new ArrayList<>();
        for (Span candidate : ranked) {
            if (kept.stream().noneMatch(candidate::intersects)) {
                kept.add(candidate);
            }
        }
        kept.sort(Span::compareTo);
        return kept;
    }
}
