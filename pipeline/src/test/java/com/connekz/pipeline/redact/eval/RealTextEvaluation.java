package com.connekz.pipeline.redact.eval;

import com.connekz.pipeline.config.HashKey;
import com.connekz.pipeline.redact.RedactionEngine;
import com.connekz.pipeline.redact.RedactionPolicy;
import com.connekz.pipeline.redact.ner.EntityType;
import com.connekz.pipeline.redact.ner.NerCorpora;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;

/**
 * The whole engine (shipped policy) on the NER corpora's evaluation sets: each sentence's tokens
 * joined by spaces is one text, its person, location and organisation names the gold entities.
 * Prints token-level P/R/F2 of PERSON (the row the targets speak of) per set. Run with
 * {@code java ... RealTextEvaluation /work/shared/corpora/ner [policy.yaml]}.
 */
public final class RealTextEvaluation {
    private RealTextEvaluation() {
    }

    public static void main(String[] args) {
        RedactionPolicy policy = args.length > 1 ? RedactionPolicy.read(Path.of(args[1])) : RedactionPolicy.shipped();
        RedactionEngine engine = RedactionEngine.of(policy,
                new HashKey("evaluation".getBytes(StandardCharsets.UTF_8), true));
        for (Map.Entry<String, List<NameSample>> set : new NerCorpora(Path.of(args[0])).evaluationSets().entrySet()) {
            Evaluation evaluation = Evaluation.of(engine, labelled(set.getValue()));
            Scores person = evaluation.tokensByType().get("PERSON");
            System.out.printf("%-18s PERSON token P %.3f R %.3f F2 %.3f (gold tokens %d)%n", set.getKey(),
                    person.precision(), person.recall(), person.f2(), person.truePositives() + person.falseNegatives());
        }
    }

    static List<LabelledText> labelled(List<NameSample> samples) {
        List<LabelledText> texts = new ArrayList<>(samples.size());
        for (NameSample sample : samples) {
            String[] tokens = sample.getSentence();
            int[] starts = new int[tokens.length + 1];
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < tokens.length; i++) {
                if (i > 0) {
                    text.append(' ');
                }
                starts[i] = text.codePointCount(0, text.length());
                text.append(tokens[i]);
            }
            starts[tokens.length] = text.codePointCount(0, text.length()) + 1;
            List<LabelledText.Span> gold = new ArrayList<>();
            for (Span name : sample.getNames()) {
                EntityType.fromModelName(name.getType()).ifPresent(type -> gold.add(new LabelledText.Span(type.name(),
                        starts[name.getStart()], starts[name.getEnd()] - 1)));
            }
            texts.add(new LabelledText(text.toString(), gold));
        }
        return texts;
    }
}
