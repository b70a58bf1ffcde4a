package com.connekz.pipeline.redact.ner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.namefind.NameSample;

/**
 * The CC-BY corpora under {@code shared/corpora/ner} and how they are used. Per their NOTICE, the
 * {@code *.test*} files are for evaluation only. Wikigold has no split: its documents are numbered
 * from 0 in file order and every fifth one (index % 5 == 4) is held out for evaluation, the rest
 * trains.
 */
public final class NerCorpora {
    public static final String WIKIGOLD = "wikigold/wikigold.conll.txt";
    public static final int WIKIGOLD_HOLD_OUT_EVERY = 5;
    public static final String WIKIGOLD_SPLIT = "documents numbered from 0 in file order; index % 5 == 4 held out"
            + " for evaluation (wikigold.heldout), the others train";

    private static final List<String> TRAIN = List.of("btc/btc.train", "wnut17/wnut17train.conll");
    private static final List<String> DEV = List.of("btc/btc.dev", "wnut17/emerging.dev.conll");
    private static final Map<String, String> TEST = orderedMap(
            "btc.test", "btc/btc.test",
            "wnut17.test", "wnut17/emerging.test.annotated");
    public static final String WIKIGOLD_HELD_OUT = "wikigold.heldout";

    private final Path root;

    public NerCorpora(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Training samples in a fixed order: train files, then dev files unless tuning, then wikigold's training part. */
    public List<NameSample> trainingSamples(boolean includeDev) {
        List<NameSample> samples = new ArrayList<>();
        TRAIN.forEach(file -> samples.addAll(read(file)));
        if (includeDev) {
            DEV.forEach(file -> samples.addAll(read(file)));
        }
        samples.addAll(wikigold(false));
        return samples;
    }

    /** The dev files, for choosing training settings. */
    public Map<String, List<NameSample>> devSets() {
        Map<String, List<NameSample>> sets = new LinkedHashMap<>();
        DEV.forEach(file -> sets.put(Path.of(file).getFileName().toString(), read(file)));
        return sets;
    }

    /** The evaluation sets by name: the two test files and wikigold's held-out documents. */
    public Map<String, List<NameSample>> evaluationSets() {
        Map<String, List<NameSample>> sets = new LinkedHashMap<>();
        TEST.forEach((name, file) -> sets.put(name, read(file)));
        sets.put(WIKIGOLD_HELD_OUT, wikigold(true));
        return sets;
    }

    /** Checksums of the files a training (and evaluation) run reads, with what each was used for. */
    public List<CorpusFile> files(boolean includeDev) {
        List<CorpusFile> files = new ArrayList<>();
        TRAIN.forEach(file -> files.add(describe(file, "train")));
        DEV.forEach(file -> files.add(describe(file, includeDev ? "train" : "dev")));
        files.add(describe(WIKIGOLD, "train (documents index % 5 != 4) + evaluation (index % 5 == 4)"));
        TEST.values().forEach(file -> files.add(describe(file, "evaluation")));
        return files;
    }

    private List<NameSample> wikigold(boolean heldOut) {
        List<NameSample> part = new ArrayList<>();
        int document = -1;
        for (NameSample sample : read(WIKIGOLD)) {
            if (sample.isClearAdaptiveDataSet()) {
                document++;
            }
            boolean isHeldOut = document % WIKIGOLD_HOLD_OUT_EVERY == WIKIGOLD_HOLD_OUT_EVERY - 1;
            if (isHeldOut == heldOut) {
                part.add(sample);
            }
        }
        return part;
    }

    private List<NameSample> read(String file) {
        return CorpusReader.read(resolve(file));
    }

    private CorpusFile describe(String file, String part) {
        try {
            Path path = resolve(file);
            return new CorpusFile(file, ModelBytes.sha256(Files.readAllBytes(path)), part,
                    CorpusReader.read(path).size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus " + file, e);
        }
    }

    private Path resolve(String file) {
        Path path = root.resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("corpus file missing: " + path);
        }
        return path;
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
