package com.connekz.pipeline.redact.ner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Queue;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.perceptron.PerceptronModel;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameFinderSequenceValidator;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.BeamSearchContextGenerator;
import opennlp.tools.util.SequenceValidator;
import opennlp.tools.util.featuregen.FeatureGeneratorUtil;

/**
 * OpenNLP's beam search over a perceptron name-finder model with the same results, several times
 * faster. A token's context holds the features fixed for the token (words, shapes, dictionary,
 * window) followed by four that depend on the two labels chosen before it ({@code po=}, {@code pow=},
 * {@code powf=}, {@code ppo=}, as OpenNLP's name context generator writes them). OpenNLP builds and
 * looks up every feature again for each of the beam's sequences; this sums the fixed ones once per
 * token and looks the label features up once per token and label. A sequence is a chain of
 * {@link Path}s, so extending one copies nothing, and the name finder's validator is asked once per
 * pair of labels. Sums run in OpenNLP's order and ties fall as in its priority queue, so sequences
 * and scores are bit-identical ({@code PerceptronBeamSearchTest} holds it to that). It keeps each
 * word's label features across sentences, so it is not thread-safe: one per decoder.
 */
final class PerceptronBeamSearch {
    /** OpenNLP's floor for a sequence's log score. */
    private static final double MIN_SEQUENCE_SCORE = -100000;
    private static final String MODEL_ARTIFACT = "nameFinder.model";
    private static final String BEAM_SIZE_PROPERTY = "BeamSize";
    private static final int DEFAULT_BEAM_SIZE = 3;
    private static final Object[] NO_ADDITIONAL_CONTEXT = new Object[0];

    private final Map<String, Context> parameters;
    private final String[] outcomes;
    private final Map<String, Integer> outcomeIndex = new HashMap<>();
    private final int beamSize;
    /** The parameters of "po=label" and "ppo=label" per label, and of the first token's "other" label. */
    private final Context[] previousLabel;
    private final Context[] labelBeforePrevious;
    private final int other;
    private final WordCache<LabelFeatures> labelFeaturesByWord = new WordCache<>(LabelFeatures::new);
    private final boolean[][] nameFinderPairs;

    private PerceptronBeamSearch(Map<String, Context> parameters, String[] outcomes, int beamSize) {
        this.parameters = parameters;
        this.outcomes = outcomes;
        this.beamSize = beamSize;
        this.previousLabel = new Context[outcomes.length + 1];
        this.labelBeforePrevious = new Context[outcomes.length + 1];
        for (int o = 0; o < outcomes.length; o++) {
            outcomeIndex.put(outcomes[o], o);
        }
        // A label outside the model's outcomes cannot occur; "other" before the first token is one of them.
        this.other = outcomeIndex.getOrDefault(NameFinderME.OTHER, outcomes.length);
        this.nameFinderPairs = nameFinderPairs();
        for (int o = 0; o <= outcomes.length; o++) {
            String label = o < outcomes.length ? outcomes[o] : NameFinderME.OTHER;
            previousLabel[o] = parameters.get("po=" + label);
            labelBeforePrevious[o] = parameters.get("ppo=" + label);
        }
    }

    /** The fast search for a perceptron model; empty for other kinds, which keep OpenNLP's own search. */
    @SuppressWarnings("unchecked")
    static Optional<PerceptronBeamSearch> of(TokenNameFinderModel model) {
        Object maxent = model.getArtifact(MODEL_ARTIFACT);
        if (!(maxent instanceof PerceptronModel perceptron)) {
            return Optional.empty();
        }
        Object[] structures = perceptron.getDataStructures();
        String beamSize = model.getManifestProperty(BEAM_SIZE_PROPERTY);
        return Optional.of(new PerceptronBeamSearch((Map<String, Context>) structures[1], (String[]) structures[2],
                beamSize == null ? DEFAULT_BEAM_SIZE : Integer.parseInt(beamSize)));
    }

    /** The fixed features a context generator gives, weighed by this model. */
    FixedFeatures featuresOf(BeamSearchContextGenerator<String> contexts) {
        return tokens -> (index, scores) -> addParameters(
                contexts.getContext(index, tokens, null, NO_ADDITIONAL_CONTEXT), scores);
    }

    /** The shipped descriptor's features weighed by this model, when the model was trained with it. */
    Optional<FixedFeatures> shippedFeatures(TokenNameFinderModel model) {
        return ShippedFeatures.forModel(model, parameters);
    }

    /** A label sequence and its score (the sum of its labels' log probabilities). */
    record Ranked(List<String> labels, double score) {
    }

    /**
     * The best {@code count} label sequences, best first, with the labels and scores OpenNLP's
     * {@code BeamSearch.bestSequences} gives them.
     */
    Ranked[] best(int count, String[] tokens, FixedFeatures features, SequenceValidator<String> validator) {
        return search(count, tokens, features, validator).stream()
                .map(path -> new Ranked(Arrays.asList(path.labels(outcomes)), path.score))
                .toArray(Ranked[]::new);
    }

    private List<Path> search(int count, String[] tokens, FixedFeatures features, SequenceValidator<String> validator) {
        FixedFeatures.Sentence sentence = features.of(tokens);
        Validity validity = new Validity(validator, tokens);
        int size = outcomes.length;
        Queue<Path> previous = new PriorityQueue<>(beamSize);
        Queue<Path> next = new PriorityQueue<>(beamSize);
        previous.add(Path.EMPTY);
        for (int i = 0; i < tokens.length; i++) {
            Token token = new Token(tokens[i], i, sentence);
            int kept = Math.min(beamSize, previous.size());
            for (int s = 0; !previous.isEmpty() && s < kept; s++) {
                Path top = previous.remove();
                int po = i > 0 ? top.outcome : other;
                int ppo = i > 1 ? top.previous.outcome : other;
                Outlook outlook = token.after(po, ppo);
                for (int o = 0; o < size; o++) {
                    if (outlook.probabilities[o] >= outlook.least) {
                        extend(top, o, outlook, i, validity, next);
                    }
                }
                if (next.isEmpty()) {
                    for (int o = 0; o < size; o++) {
                        extend(top, o, outlook, i, validity, next);
                    }
                }
            }
            previous.clear();
            Queue<Path> swap = previous;
            previous = next;
            next = swap;
        }
        List<Path> best = new ArrayList<>(Math.min(count, previous.size()));
        while (best.size() < count && !previous.isEmpty()) {
            best.add(previous.remove());
        }
        return best;
    }

    /**
     * A label sequence as a chain back to its first label, so that extending it copies nothing
     * (OpenNLP's {@code Sequence} copies its labels and probabilities at every extension). Ordered,
     * and scored, exactly as {@code Sequence}: by score, best first; score = sum of log probabilities.
     */
    private static final class Path implements Comparable<Path> {
        static final Path EMPTY = new Path(null, -1, 0, 0);

        final Path previous;
        final int outcome;
        final double score;
        final int length;

        private Path(Path previous, int outcome, double score, int length) {
            this.previous = previous;
            this.outcome = outcome;
            this.score = score;
            this.length = length;
        }

        /** This path and one more label, whose probability's logarithm is {@code logProbability}. */
        Path then(int nextOutcome, double logProbability) {
            return new Path(this, nextOutcome, score + logProbability, length + 1);
        }

        /** The labels in order, oldest first. */
        String[] labels(String[] outcomes) {
            String[] labels = new String[length];
            for (Path at = this; at.length > 0; at = at.previous) {
                labels[at.length - 1] = outcomes[at.outcome];
            }
            return labels;
        }

        @Override
        public int compareTo(Path other) {
            return Double.compare(other.score, score);
        }
    }

    /**
     * Which label may follow which. OpenNLP's name-finder validator looks only at the label before,
     * so its answers are asked once per pair of labels; any other validator is asked for each path.
     */
    private final class Validity {
        private final SequenceValidator<String> validator;
        private final String[] tokens;
        /** Row {@code outcomes.length}: the first label; otherwise the label before. Null: ask per path. */
        private final boolean[][] afterLabel;

        Validity(SequenceValidator<String> validator, String[] tokens) {
            this.validator = validator;
            this.tokens = tokens;
            this.afterLabel = validator.getClass() == NameFinderSequenceValidator.class ? nameFinderPairs : null;
        }

        boolean valid(Path path, int outcome, int index) {
            if (afterLabel != null) {
                return afterLabel[path.length == 0 ? outcomes.length : path.outcome][outcome];
            }
            return validator.validSequence(index, tokens, path.labels(outcomes), outcomes[outcome]);
        }
    }

    /** The name-finder validator's answer for each label before (last row: none) and label after. */
    private boolean[][] nameFinderPairs() {
        SequenceValidator<String> pairValidator = new NameFinderSequenceValidator();
        boolean[][] pairs = new boolean[outcomes.length + 1][outcomes.length];
        for (int before = 0; before <= outcomes.length; before++) {
            String[] history = before == outcomes.length ? new String[0] : new String[] {outcomes[before]};
            for (int o = 0; o < outcomes.length; o++) {
                pairs[before][o] = pairValidator.validSequence(history.length, new String[history.length + 1],
                        history, outcomes[o]);
            }
        }
        return pairs;
    }

    /**
     * One token: the sum of its fixed features, its word's label features, and what follows each
     * pair of labels before it (paths of the beam often share their last two labels).
     */
    private final class Token {
        private final double[] fixedScores = new double[outcomes.length];
        private final LabelFeatures labelFeatures;
        private final List<Outlook> outlooks = new ArrayList<>(2);

        Token(String word, int index, FixedFeatures.Sentence sentence) {
            this.labelFeatures = labelFeaturesByWord.get(word);
            sentence.addTo(index, fixedScores);
        }

        /** The label probabilities after labels {@code po} and {@code ppo}. */
        Outlook after(int po, int ppo) {
            for (Outlook outlook : outlooks) {
                if (outlook.po == po && outlook.ppo == ppo) {
                    return outlook;
                }
            }
            double[] scores = new double[outcomes.length];
            labelFeatures.lookUp(po);
            System.arraycopy(fixedScores, 0, scores, 0, scores.length);
            add(previousLabel[po], scores);
            add(labelFeatures.previousLabelAndWord[po], scores);
            add(labelFeatures.previousLabelAndShape[po], scores);
            add(labelBeforePrevious[ppo], scores);
            normalise(scores);
            Outlook outlook = new Outlook(po, ppo, scores, least(scores));
            outlooks.add(outlook);
            return outlook;
        }

        /** The smallest probability among the beam's worth of best ones. */
        private double least(double[] probabilities) {
            double[] sorted = probabilities.clone();
            Arrays.sort(sorted);
            return sorted[Math.max(0, sorted.length - beamSize)];
        }
    }

    /** The normalised label probabilities after one pair of labels, with their logarithms taken once. */
    private static final class Outlook {
        final int po;
        final int ppo;
        final double[] probabilities;
        final double least;
        private final double[] logs;

        Outlook(int po, int ppo, double[] probabilities, double least) {
            this.po = po;
            this.ppo = ppo;
            this.probabilities = probabilities;
            this.least = least;
            this.logs = new double[probabilities.length];
            Arrays.fill(logs, Double.NaN);
        }

        double log(int outcome) {
            if (Double.isNaN(logs[outcome])) {
                logs[outcome] = StrictMath.log(probabilities[outcome]);
            }
            return logs[outcome];
        }
    }

    /** A word's features that pair it, or its shape, with the label before it: looked up once per label. */
    private final class LabelFeatures {
        private final String word;
        private final Context[] previousLabelAndWord = new Context[outcomes.length + 1];
        private final Context[] previousLabelAndShape = new Context[outcomes.length + 1];
        private final boolean[] looked = new boolean[outcomes.length + 1];
        private String shape;

        LabelFeatures(String word) {
            this.word = word;
        }

        void lookUp(int po) {
            if (!looked[po]) {
                String label = po < outcomes.length ? outcomes[po] : NameFinderME.OTHER;
                shape = shape == null ? FeatureGeneratorUtil.tokenFeature(word) : shape;
                previousLabelAndWord[po] = parameters.get("pow=" + label + "," + word);
                previousLabelAndShape[po] = parameters.get("powf=" + label + "," + shape);
                looked[po] = true;
            }
        }
    }

    private static void extend(Path top, int outcome, Outlook outlook, int index, Validity validity, Queue<Path> next) {
        if (validity.valid(top, outcome, index)) {
            Path extended = top.then(outcome, outlook.log(outcome));
            if (extended.score > MIN_SEQUENCE_SCORE) {
                next.add(extended);
            }
        }
    }

    private void addParameters(String[] context, double[] scores) {
        for (String feature : context) {
            add(parameters.get(feature), scores);
        }
    }

    /** Adds one feature's weights per outcome; an unknown feature (null) adds nothing. */
    static void add(Context feature, double[] scores) {
        if (feature == null) {
            return;
        }
        int[] featureOutcomes = feature.getOutcomes();
        double[] weights = feature.getParameters();
        for (int j = 0; j < featureOutcomes.length; j++) {
            scores[featureOutcomes[j]] += weights[j];
        }
    }

    /** The perceptron's own normalisation: scale by the largest magnitude (at least 1), exponentiate, sum to one. */
    private static void normalise(double[] scores) {
        double largest = 1;
        for (double score : scores) {
            if (largest < Math.abs(score)) {
                largest = Math.abs(score);
            }
        }
        double total = 0;
        for (int o = 0; o < scores.length; o++) {
            scores[o] = StrictMath.exp(scores[o] / largest);
            total += scores[o];
        }
        for (int o = 0; o < scores.length; o++) {
            scores[o] /= total;
        }
    }
}
