package com.connekz.pipeline.redact.ner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import opennlp.tools.namefind.BioCodec;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStreamUtils;

/** Trains the name finder; plain Java, no Spark, so the command and tests can both call it. */
public final class NameFinderTraining {
    private static final String LANGUAGE = "en";

    private NameFinderTraining() {
    }

    /**
     * Trains a model on the samples with the settings. The samples' order matters to the result,
     * so callers pass them in a fixed order.
     */
    public static TokenNameFinderModel train(List<NameSample> samples, TrainingSettings settings) {
        try {
            byte[] descriptor = featureDescriptor(settings.featuresResource());
            TokenNameFinderFactory factory = TokenNameFinderFactory.create(
                    null, descriptor, resourcesFor(descriptor), new BioCodec());
            return NameFinderME.train(LANGUAGE, null, ObjectStreamUtils.createObjectStream(samples),
                    settings.toParameters(), factory);
        } catch (IOException e) {
            throw new UncheckedIOException("name-finder training failed", e);
        }
    }

    /** The model as bytes that depend only on its content (see {@link ModelBytes}). */
    public static byte[] serialize(TokenNameFinderModel model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            model.serialize(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ModelBytes.normalize(out.toByteArray());
    }

    /** The dictionaries a descriptor refers to; they travel inside the model. */
    private static Map<String, Object> resourcesFor(byte[] descriptor) {
        String text = new String(descriptor, StandardCharsets.UTF_8);
        return text.contains(PersonNameDictionary.RESOURCE_NAME)
                ? Map.of(PersonNameDictionary.RESOURCE_NAME, PersonNameDictionary.dictionary())
                : Map.of();
    }

    static byte[] featureDescriptor(String resource) throws IOException {
        try (InputStream in = NameFinderTraining.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("feature descriptor not on the classpath: " + resource);
            }
            return in.readAllBytes();
        }
    }
}
