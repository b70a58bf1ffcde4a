package com.connekz.pipeline.redact.ner;

/**
 * The scores of one entity type on one labelled set.
 *
 * @param tokens word tokens (runs of word characters), scored as redaction sees them: a gold token
 *     counts as recalled when any predicted name covers it, whatever its type; a predicted token
 *     counts as correct when it lies in any gold name
 * @param typedTokens the same, but a prediction must also have the gold type
 * @param spans whole names: exact boundaries and type
 */
public record TypeScores(Tally tokens, Tally typedTokens, Tally spans) {
    static final TypeScores ZERO = new TypeScores(Tally.ZERO, Tally.ZERO, Tally.ZERO);

    TypeScores plus(TypeScores other) {
        return new TypeScores(tokens.plus(other.tokens), typedTokens.plus(other.typedTokens), spans.plus(other.spans));
    }
}
