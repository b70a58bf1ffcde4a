package com.connekz.pipeline.redact.ner;

import java.util.Map;

/** The scores of a model at one {@link NameFinder} threshold: evaluation set, then entity type. */
public record ThresholdEvaluation(double minProbability, Map<String, Map<String, TypeFigures>> sets) {
}
