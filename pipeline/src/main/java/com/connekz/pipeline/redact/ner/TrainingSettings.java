package com.connekz.pipeline.redact.ner;

import opennlp.tools.util.TrainingParameters;

/**
 * What a training run depends on besides the corpora: the OpenNLP trainer, its iterations and
 * feature cutoff, the decoder's beam size and the feature-generator descriptor on the classpath.
 * One trainer thread, because the same inputs must give the same model.
 */
public record TrainingSettings(String algorithm, int iterations, int cutoff, int beamSize, String featuresResource) {

    /** The settings of the shipped model. */
    public static TrainingSettings shipped() {
        return new TrainingSettings("PERCEPTRON", 300, 1, 5, "/models/ner/features.xml");
    }

    public TrainingSettings withAlgorithm(String value) {
        return new TrainingSettings(value, iterations, cutoff, beamSize, featuresResource);
    }

    public TrainingSettings withIterations(int value) {
        return new TrainingSettings(algorithm, value, cutoff, beamSize, featuresResource);
    }

    public TrainingSettings withCutoff(int value) {
        return new TrainingSettings(algorithm, iterations, value, beamSize, featuresResource);
    }

    public TrainingSettings withBeamSize(int value) {
        return new TrainingSettings(algorithm, iterations, cutoff, value, featuresResource);
    }

    TrainingParameters toParameters() {
        TrainingParameters parameters = new TrainingParameters();
        parameters.put(TrainingParameters.ALGORITHM_PARAM, algorithm);
        parameters.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        parameters.put(TrainingParameters.CUTOFF_PARAM, cutoff);
        parameters.put(TrainingParameters.THREADS_PARAM, 1);
        parameters.put("BeamSize", beamSize);
        return parameters;
    }
}
