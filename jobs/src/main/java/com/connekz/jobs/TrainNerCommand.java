package com.connekz.jobs;

import com.connekz.pipeline.redact.ner.ManifestCheck;
import com.connekz.pipeline.redact.ner.NerCorpora;
import com.connekz.pipeline.redact.ner.NerManifest;
import com.connekz.pipeline.redact.ner.NerModelBuild;
import com.connekz.pipeline.redact.ner.ThresholdEvaluation;
import com.connekz.pipeline.redact.ner.TrainingSettings;
import com.connekz.pipeline.redact.ner.TypeFigures;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bin/pipeline train-ner}: retrains the name-finder model from the CC-BY corpora, prints its
 * checksum and scores, and either writes it (with its manifest) or checks it against the shipped one.
 */
@Command(name = "train-ner", mixinStandardHelpOptions = true,
        description = "Retrain the OpenNLP name-finder model from the NER corpora and print its checksum and scores")
public final class TrainNerCommand implements Callable<Integer> {
    static final Path DEFAULT_OUT = Path.of("pipeline/src/main/resources/models/ner", NerModelBuild.MODEL_FILE);

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--corpora", description = "corpora folder (default: ${DEFAULT-VALUE}, relative to the repository root)",
            defaultValue = "../shared/corpora/ner")
    Path corpora;

    @Option(names = "--out", description = "model file to write; manifest.json goes beside it"
            + " (default without --check: " + "pipeline/src/main/resources/models/ner/" + NerModelBuild.MODEL_FILE + ")")
    Path out;

    @Option(names = "--check", description = "retrain with the shipped manifest's settings and exit non-zero unless"
            + " the model reproduces (same checksum)")
    boolean check;

    @Option(names = "--tune", description = "train without the dev files and score on them (for choosing settings)")
    boolean tune;

    @Option(names = "--algorithm", description = "OpenNLP trainer, e.g. MAXENT or PERCEPTRON")
    String algorithm;

    @Option(names = "--iterations", description = "training iterations")
    Integer iterations;

    @Option(names = "--cutoff", description = "minimum feature count")
    Integer cutoff;

    @Option(names = "--beam-size", description = "decoder beam size (label sequences kept)")
    Integer beamSize;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        if (!Files.isDirectory(corpora)) {
            throw new IllegalArgumentException("no NER corpora at " + corpora.toAbsolutePath().normalize()
                    + "; pass --corpora DIR");
        }
        NerCorpora ner = new NerCorpora(corpora);
        if (tune) {
            printScores(stdout, NerModelBuild.tune(ner, settings(TrainingSettings.shipped())));
            return 0;
        }
        if (check) {
            return check(stdout, ner);
        }
        NerModelBuild.Built built = NerModelBuild.release(ner, settings(TrainingSettings.shipped()));
        write(built, out == null ? DEFAULT_OUT : out);
        report(stdout, built.manifest());
        return 0;
    }

    private int check(PrintWriter stdout, NerCorpora ner) throws IOException {
        NerManifest shipped = NerManifest.shipped()
                .orElseThrow(() -> new IllegalStateException("no shipped name-finder manifest to check against"));
        NerModelBuild.Built built = NerModelBuild.release(ner, settings(shipped.training()));
        if (out != null) {
            write(built, out);
        }
        report(stdout, built.manifest());
        List<String> mismatches = ManifestCheck.mismatches(shipped, built.manifest());
        if (mismatches.isEmpty()) {
            stdout.println("check: reproduces the shipped model " + shipped.modelSha256());
            return 0;
        }
        mismatches.forEach(problem -> spec.commandLine().getErr().println("check: " + problem));
        return 1;
    }

    private TrainingSettings settings(TrainingSettings base) {
        TrainingSettings settings = base;
        if (algorithm != null) {
            settings = settings.withAlgorithm(algorithm);
        }
        if (iterations != null) {
            settings = settings.withIterations(iterations);
        }
        if (cutoff != null) {
            settings = settings.withCutoff(cutoff);
        }
        if (beamSize != null) {
            settings = settings.withBeamSize(beamSize);
        }
        return settings;
    }

    private static void write(NerModelBuild.Built built, Path modelFile) throws IOException {
        Path folder = modelFile.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Files.write(modelFile, built.model());
        Files.writeString(folder.resolve("manifest.json"), built.manifest().toJson());
    }

    private void report(PrintWriter stdout, NerManifest manifest) {
        stdout.printf("model %s: sha256 %s, %d bytes, trained on %d sentences in %.1f s (OpenNLP %s, %s)%n",
                manifest.modelFile(), manifest.modelSha256(), manifest.modelBytes(), manifest.trainingSentences(),
                manifest.trainingSeconds(), manifest.opennlpVersion(), manifest.training());
        printScores(stdout, manifest.evaluation());
        if (common != null && common.json()) {
            try {
                stdout.println(new ObjectMapper().writeValueAsString(new ObjectMapper().readTree(manifest.toJson())));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void printScores(PrintWriter stdout, List<ThresholdEvaluation> evaluation) {
        stdout.printf("%-8s %-24s %-13s %27s %27s%n", "min_prob", "set", "type", "token P / R / F2", "span P / R / F2");
        for (ThresholdEvaluation at : evaluation) {
            for (Map.Entry<String, Map<String, TypeFigures>> set : at.sets().entrySet()) {
                set.getValue().forEach((type, figures) -> stdout.printf(
                        "%-8.2f %-24s %-13s %8.3f / %.3f / %.3f %8.3f / %.3f / %.3f%n",
                        at.minProbability(), set.getKey(), type,
                        figures.token().precision(), figures.token().recall(), figures.token().f2(),
                        figures.span().precision(), figures.span().recall(), figures.span().f2()));
            }
        }
        stdout.flush();
    }
}
