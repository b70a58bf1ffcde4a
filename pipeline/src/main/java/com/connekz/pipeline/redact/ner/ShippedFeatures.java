package com.connekz.pipeline.redact.ner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import opennlp.tools.dictionary.Dictionary;
import opennlp.tools.ml.model.Context;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.FeatureGeneratorUtil;
import opennlp.tools.util.featuregen.OutcomePriorFeatureGenerator;
import opennlp.tools.util.featuregen.PrefixFeatureGenerator;
import opennlp.tools.util.featuregen.PreviousMapFeatureGenerator;
import opennlp.tools.util.featuregen.SentenceFeatureGenerator;
import opennlp.tools.util.featuregen.SuffixFeatureGenerator;
import opennlp.tools.util.featuregen.TokenClassFeatureGenerator;
import opennlp.tools.util.featuregen.TokenFeatureGenerator;

/**
 * The fixed features of the shipped descriptor ({@code /models/ner/features.xml}), weighed without
 * building their strings again for every sentence. Most of a token's features depend on one word
 * only (its shape, lower case, affixes and dictionary mark, each under the prefix of its window
 * position), so their model weights are looked up once per word and kept; per sentence only the
 * dictionary spans ({@link DictionarySpans}) and the bigrams are new. The word features' strings come
 * from OpenNLP's own generators, the bigrams' as OpenNLP's bigram generator writes them, and the
 * weights are added in the descriptor's order, so the scores are OpenNLP's to the bit
 * ({@code ShippedFeaturesTest}). Used only for a model whose descriptor is byte
 * for byte the one mirrored here. Not thread-safe: one per decoder.
 */
final class ShippedFeatures implements FixedFeatures {
    /** SHA-256 of the descriptor this class mirrors, as stored in the model. */
    static final String DESCRIPTOR_SHA256 = "ee94bcd727a6c368daea67f8f2f2c9566afb23a704b24219c24eb1c2965044ed";
    private static final String DESCRIPTOR_ARTIFACT = "generator.featuregen";
    /** The word windows: the word itself, two before, two after (OpenNLP's order and prefixes). */
    private static final int[] WORD_OFFSETS = {0, -1, -2, 1, 2};
    private static final String[] WORD_PREFIXES = {"", "p1", "p2", "n1", "n2"};
    /** The dictionary window: the word itself, one before, one after. */
    private static final int[] DICTIONARY_OFFSETS = {0, -1, 1};
    private static final String[] DICTIONARY_PREFIXES = {"", "p1", "n1"};
    private static final Context[] NONE = new Context[0];
    private static final Context UNKNOWN = new Context(new int[0], new double[0]);
    private static final String PREVIOUS_WORD_BIGRAM = "pw,w=";
    private static final String NEXT_WORD_BIGRAM = "w,nw=";

    private final Map<String, Context> weights;
    private final DictionarySpans names;
    private final WordCache<Word> words = new WordCache<>(Word::new);
    private final AdaptiveFeatureGenerator shape = new TokenClassFeatureGenerator(true);
    private final AdaptiveFeatureGenerator lowerCase = new TokenFeatureGenerator(true);
    private final AdaptiveFeatureGenerator prefixes = new PrefixFeatureGenerator(3);
    private final AdaptiveFeatureGenerator suffixes = new SuffixFeatureGenerator(3);
    /** "def" and "pd=null": the outcome prior, and the previous-map feature of a decoder that never adapts. */
    private final Context[] everyWord;
    private final Context[] sentenceBegin;
    /** Every word that a known "pw,w=" or "w,nw=" bigram can start with: other words' bigrams weigh nothing. */
    private final Set<String> previousWordBigramStarts;
    private final Set<String> nextWordBigramStarts;
    /** Shape classes by number (OpenNLP's token classes: a handful), and the weights of their bigrams by number. */
    private final Map<String, Integer> shapeNumbers = new HashMap<>();
    private final ShapeBigrams previousShapeBigrams = new ShapeBigrams("pwc,wc=");
    private final ShapeBigrams nextShapeBigrams = new ShapeBigrams("wc,nc=");

    private ShippedFeatures(Map<String, Context> weights, DictionarySpans names) {
        this.weights = weights;
        this.names = names;
        this.previousWordBigramStarts = bigramStarts(weights, PREVIOUS_WORD_BIGRAM);
        this.nextWordBigramStarts = bigramStarts(weights, NEXT_WORD_BIGRAM);
        String[] anyWord = {"word"};
        this.everyWord = contexts("", anyWord, new OutcomePriorFeatureGenerator(), new PreviousMapFeatureGenerator());
        this.sentenceBegin = contexts("", anyWord, new SentenceFeatureGenerator(true, false));
    }

    /** The shipped features over the model's weights, or empty when the model was trained with another descriptor. */
    static Optional<FixedFeatures> forModel(TokenNameFinderModel model, Map<String, Context> weights) {
        Object descriptor = model.getArtifact(DESCRIPTOR_ARTIFACT);
        Object dictionary = model.getArtifact(PersonNameDictionary.RESOURCE_NAME);
        if (!(descriptor instanceof byte[] bytes) || !DESCRIPTOR_SHA256.equals(ModelBytes.sha256(bytes))
                || !(dictionary instanceof Dictionary listed) || listed.isCaseSensitive()) {
            return Optional.empty();
        }
        return Optional.of(new ShippedFeatures(weights, DictionarySpans.of(listed)));
    }

    @Override
    public Sentence of(String[] tokens) {
        Word[] sentence = new Word[tokens.length];
        String[] folded = new String[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            sentence[i] = words.get(tokens[i]);
            folded[i] = sentence[i].folded;
        }
        boolean[] listed = new boolean[tokens.length];
        for (Span name : names.findFolded(folded)) {
            for (int i = name.getStart(); i < name.getEnd(); i++) {
                listed[i] = true;
            }
        }
        return (index, scores) -> addTo(tokens, sentence, listed, index, scores);
    }

    private void addTo(String[] tokens, Word[] sentence, boolean[] listed, int index, double[] scores) {
        for (int p = 0; p < WORD_OFFSETS.length; p++) {
            int at = index + WORD_OFFSETS[p];
            if (at >= 0 && at < tokens.length) {
                addAll(sentence[at].shape[p], scores);
            }
        }
        for (int p = 0; p < WORD_OFFSETS.length; p++) {
            int at = index + WORD_OFFSETS[p];
            if (at >= 0 && at < tokens.length) {
                addAll(sentence[at].lowerCase[p], scores);
            }
        }
        addAll(sentence[index].affixes, scores);
        for (int p = 0; p < DICTIONARY_OFFSETS.length; p++) {
            int at = index + DICTIONARY_OFFSETS[p];
            if (at >= 0 && at < tokens.length && listed[at]) {
                addAll(sentence[at].listed[p], scores);
            }
        }
        addAll(everyWord, scores);
        if (index > 0) {
            if (sentence[index - 1].startsPreviousWordBigram) {
                PerceptronBeamSearch.add(weights.get(PREVIOUS_WORD_BIGRAM + tokens[index - 1] + "," + tokens[index]), scores);
            }
            PerceptronBeamSearch.add(previousShapeBigrams.weight(sentence[index - 1], sentence[index]), scores);
        }
        if (index + 1 < tokens.length) {
            if (sentence[index].startsNextWordBigram) {
                PerceptronBeamSearch.add(weights.get(NEXT_WORD_BIGRAM + tokens[index] + "," + tokens[index + 1]), scores);
            }
            PerceptronBeamSearch.add(nextShapeBigrams.weight(sentence[index], sentence[index + 1]), scores);
        }
        if (index == 0) {
            addAll(sentenceBegin, scores);
        }
    }

    /** The weights of one shape-class bigram feature, looked up once per pair of classes. */
    private final class ShapeBigrams {
        private final String feature;
        private Context[][] byPair = new Context[0][];

        ShapeBigrams(String feature) {
            this.feature = feature;
        }

        Context weight(Word before, Word after) {
            int size = Math.max(before.shapeNumber, after.shapeNumber) + 1;
            if (byPair.length < size) {
                byPair = Arrays.copyOf(byPair, size);
            }
            Context[] afterBefore = byPair[before.shapeNumber];
            if (afterBefore == null || afterBefore.length < size) {
                afterBefore = afterBefore == null ? new Context[size] : Arrays.copyOf(afterBefore, size);
                byPair[before.shapeNumber] = afterBefore;
            }
            Context weight = afterBefore[after.shapeNumber];
            if (weight == null) {
                Context known = weights.get(feature + before.shapeClass + "," + after.shapeClass);
                weight = known == null ? UNKNOWN : known;
                afterBefore[after.shapeNumber] = weight;
            }
            return weight == UNKNOWN ? null : weight;
        }
    }

    /** Every prefix before a comma of the features named {@code prefix}: a word may itself hold a comma. */
    private static Set<String> bigramStarts(Map<String, Context> weights, String prefix) {
        Set<String> starts = new HashSet<>();
        for (String feature : weights.keySet()) {
            if (feature.startsWith(prefix)) {
                for (int comma = feature.indexOf(',', prefix.length()); comma >= 0; comma = feature.indexOf(',', comma + 1)) {
                    starts.add(feature.substring(prefix.length(), comma));
                }
            }
        }
        return starts;
    }

    /** One word's weights under each window prefix; a feature the model does not know weighs nothing. */
    private final class Word {
        final Context[][] shape = new Context[WORD_PREFIXES.length][];
        final Context[][] lowerCase = new Context[WORD_PREFIXES.length][];
        final Context[] affixes;
        final Context[][] listed = new Context[DICTIONARY_PREFIXES.length][];
        /** The word's shape class ("ic", "lc", ...), for the bigram features. */
        final String shapeClass;
        final int shapeNumber;
        final String folded;
        final boolean startsPreviousWordBigram;
        final boolean startsNextWordBigram;

        Word(String token) {
            shapeClass = FeatureGeneratorUtil.tokenFeature(token);
            shapeNumber = shapeNumbers.computeIfAbsent(shapeClass, shape -> shapeNumbers.size());
            folded = DictionarySpans.fold(token);
            startsPreviousWordBigram = previousWordBigramStarts.contains(token);
            startsNextWordBigram = nextWordBigramStarts.contains(token);
            String[] alone = {token};
            for (int p = 0; p < WORD_PREFIXES.length; p++) {
                shape[p] = contexts(WORD_PREFIXES[p], alone, ShippedFeatures.this.shape);
                lowerCase[p] = contexts(WORD_PREFIXES[p], alone, ShippedFeatures.this.lowerCase);
            }
            affixes = contexts("", alone, prefixes, suffixes);
            for (int p = 0; p < DICTIONARY_PREFIXES.length; p++) {
                listed[p] = known(DICTIONARY_PREFIXES[p] + ":w=dic", DICTIONARY_PREFIXES[p] + ":w=dic=" + token);
            }
        }
    }

    /** The weights of the features the generators give a one-word sentence, each under {@code prefix}. */
    private Context[] contexts(String prefix, String[] alone, AdaptiveFeatureGenerator... generators) {
        List<String> features = new ArrayList<>();
        for (AdaptiveFeatureGenerator generator : generators) {
            generator.createFeatures(features, alone, 0, null);
        }
        return known(features.stream().map(feature -> prefix + feature).toArray(String[]::new));
    }

    private Context[] known(String... features) {
        List<Context> known = new ArrayList<>(features.length);
        for (String feature : features) {
            Context weight = weights.get(feature);
            if (weight != null) {
                known.add(weight);
            }
        }
        return known.isEmpty() ? NONE : known.toArray(NONE);
    }

    private static void addAll(Context[] features, double[] scores) {
        for (Context feature : features) {
            PerceptronBeamSearch.add(feature, scores);
        }
    }
}
