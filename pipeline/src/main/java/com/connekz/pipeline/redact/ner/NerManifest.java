package com.connekz.pipeline.redact.ner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * What {@code manifest.json} beside the shipped model records: the inputs of its training (corpus
 * checksums, settings, OpenNLP version), its checksum and its scores on the evaluation sets.
 */
public record NerManifest(
        String modelFile,
        String modelSha256,
        long modelBytes,
        String opennlpVersion,
        TrainingSettings training,
        PersonNameDictionary.Description nameDictionary,
        String wikigoldSplit,
        List<CorpusFile> corpusFiles,
        int trainingSentences,
        double trainingSeconds,
        double recommendedMinProbability,
        String scoring,
        List<ThresholdEvaluation> evaluation) {

    public static final String RESOURCE = "/models/ner/manifest.json";
    static final String SCORING = "token: runs of word characters; recall = gold tokens covered by any predicted"
            + " name, precision = predicted tokens inside any gold name (type-blind, as redaction sees it);"
            + " tokenTyped: the same with types required to agree; span: exact boundaries and type";

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public String toJson() {
        try {
            return JSON.writeValueAsString(this) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static NerManifest fromJson(InputStream in) {
        try {
            return JSON.readValue(in, NerManifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("name-finder manifest is unreadable", e);
        }
    }

    /** The manifest shipped beside the model, if any. */
    public static Optional<NerManifest> shipped() {
        try (InputStream in = NerManifest.class.getResourceAsStream(RESOURCE)) {
            return in == null ? Optional.empty() : Optional.of(fromJson(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
