package com.connekz.pipeline.redact.ner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import opennlp.tools.namefind.TokenNameFinderModel;

/**
 * The name-finder model shipped in the jar at {@value #RESOURCE}, trained by {@code train-ner}
 * from the CC-BY corpora (see the NOTICE and manifest.json beside it). Entity types in the model:
 * {@link EntityType#PERSON}, {@link EntityType#LOCATION}, {@link EntityType#ORGANIZATION}.
 */
public final class NameFinderModels {
    public static final String RESOURCE = "/models/ner/en-ner-connekz.bin";

    private NameFinderModels() {
    }

    /**
     * Loads the shipped model once per class loader (thread-safe, cached) and returns it; empty when
     * the jar holds no model. A model that is present but unreadable is an error, never empty, so
     * that a broken build cannot silently turn name redaction off.
     */
    public static Optional<TokenNameFinderModel> load() {
        return Holder.MODEL;
    }

    /** Reads a model from any stream (for tests and the training command); the caller closes it. */
    public static TokenNameFinderModel read(InputStream modelBytes) {
        try {
            return new TokenNameFinderModel(modelBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("name-finder model is unreadable", e);
        }
    }

    /** The JVM initialises this holder exactly once, on first use, which makes the cache thread-safe. */
    private static final class Holder {
        static final Optional<TokenNameFinderModel> MODEL = readShipped();

        private static Optional<TokenNameFinderModel> readShipped() {
            try (InputStream in = NameFinderModels.class.getResourceAsStream(RESOURCE)) {
                return in == null ? Optional.empty() : Optional.of(read(in));
            } catch (IOException e) {
                throw new UncheckedIOException("name-finder model is unreadable", e);
            }
        }
    }
}
