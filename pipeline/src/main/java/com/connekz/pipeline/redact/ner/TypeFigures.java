package com.connekz.pipeline.redact.ner;

/** {@link TypeScores} as published in the manifest. */
public record TypeFigures(Figures token, Figures tokenTyped, Figures span) {

    static TypeFigures of(TypeScores scores) {
        return new TypeFigures(Figures.of(scores.tokens()), Figures.of(scores.typedTokens()), Figures.of(scores.spans()));
    }
}
