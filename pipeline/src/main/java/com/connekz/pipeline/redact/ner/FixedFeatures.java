package com.connekz.pipeline.redact.ner;

/**
 * The weights of the features a token has whatever labels the search chose before it (its words,
 * shapes, affixes, dictionary and window), summed per outcome as OpenNLP's perceptron sums them.
 */
interface FixedFeatures {

    /** The weights for the tokens of one sentence. */
    Sentence of(String[] tokens);

    /** One sentence's tokens. */
    interface Sentence {
        /** Adds the weights of token {@code index}'s fixed features to {@code scores}, in OpenNLP's feature order. */
        void addTo(int index, double[] scores);
    }
}
