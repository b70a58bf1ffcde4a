package com.connekz.pipeline.redact.recognizers;

import com.connekz.pipeline.redact.eval.Canary;
import com.connekz.pipeline.redact.eval.LabelledText;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Texts to compare two searches on: edge cases, the canary's texts, and seeded mixes of both. */
final class ProbeTexts {
    private static final int MIXES = 300;

    private ProbeTexts() {}

    /** The edges, the canary's texts, then pairs of those joined by one of {@code glue}, chosen by {@code seed}. */
    static List<String> of(List<String> edges, List<String> glue, long seed) {
        List<String> texts = new ArrayList<>(edges);
        Canary.texts().stream().map(LabelledText::text).forEach(texts::add);
        Random random = new Random(seed);
        int base = texts.size();
        for (int i = 0; i < MIXES; i++) {
            String first = texts.get(random.nextInt(base));
            String second = texts.get(random.nextInt(base));
            texts.add(first + glue.get(random.nextInt(glue.size())) + second);
        }
        return texts;
    }
}
