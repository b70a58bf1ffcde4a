package com.connekz.pipeline.redact.eval;

import com.connekz.pipeline.config.HashKey;
import com.connekz.pipeline.redact.EntityTypes;
import com.connekz.pipeline.redact.RedactedText;
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
 * The whole engine (shipped policy) on the NER corpora's evaluation sets, gold = their person,
 * location and organisation names. Prints token-level P/R/F2 of PERSON (the row the targets speak
 * of) per set, read two ways:
 * <ul>
 *   <li>as tokenised: each sentence alone, its tokens joined by spaces ("RT @ kiri _ w :");</li>
 *   <li>as written: handles as the corpora's tokenisers found them ("@kiri_w": a handle holds no
 *       space), and each document redacted as one example, the way the pipeline redacts a
 *       conversation (wikigold marks its articles; a tweet is its own example).</li>
 * </ul>
 * Run with {@code java ... RealTextEvaluation /work/shared/corpora/ner [policy.yaml|shipped] [dev]}; {@code dev}
 * scores the dev files instead (the name finder trained on them, so only changes between two engines
 * mean something there).
 */
public final class RealTextEvaluation {
    private RealTextEvaluation() {
    }

    public static void main(String[] args) {
        RedactionPolicy policy = args.length > 1 && !args[1].equals("shipped") ? RedactionPolicy.read(Path.of(args[1])) : RedactionPolicy.shipped();
        NerCorpora corpora = new NerCorpora(Path.of(args[0]));
        Map<String, List<NameSample>> sets = args.length > 2 && args[2].equals("dev") ? corpora.devSets() : corpora.evaluationSets();
        RedactionEngine engine = RedactionEngine.of(policy,
                new HashKey("evaluation".getBytes(StandardCharsets.UTF_8), true));
        for (Map.Entry<String, List<NameSample>> set : sets.entrySet()) {
            List<NameSample> samples = set.getValue();
            print(set.getKey(), "as tokenised", Evaluation.of(engine, labelled(samples, false)));
            print(set.getKey(), "as written", byExample(engine, samples));
        }
    }

    private static final List<String> NAME_TYPES = List.of(EntityTypes.PERSON, EntityTypes.LOCATION,
            EntityTypes.ORGANIZATION, EntityTypes.UNKNOWN_NAME, EntityTypes.USERNAME);

    private static void print(String set, String reading, Evaluation evaluation) {
        Scores person = evaluation.tokensByType().get(EntityTypes.PERSON);
        Scores names = NAME_TYPES.stream().map(type -> evaluation.tokensByType().getOrDefault(type, Scores.ZERO))
                .reduce(Scores.ZERO, Scores::plus);
        System.out.printf("%-18s %-13s PERSON token P %.3f R %.4f F2 %.3f (gold tokens %d); all names P %.3f R %.3f%n",
                set, reading, person.precision(), person.recall(), person.f2(),
                person.truePositives() + person.falseNegatives(), names.precision(), names.recall());
    }

    private static Evaluation byExample(RedactionEngine engine, List<NameSample> samples) {
        Evaluation evaluation = new Evaluation();
        List<LabelledText> texts = labelled(samples, true);
        int first = 0;
        for (int i = 1; i <= samples.size(); i++) {
            if (i == samples.size() || samples.get(i).isClearAdaptiveDataSet()) {
                List<LabelledText> example = texts.subList(first, i);
                List<RedactedText> redacted = engine.redactExample(example.stream().map(LabelledText::text).toList()).texts();
                for (int t = 0; t < example.size(); t++) {
                    evaluation.add(example.get(t), redacted.get(t).entities());
                }
                first = i;
            }
        }
        return evaluation;
    }

    static List<LabelledText> labelled(List<NameSample> samples, boolean handlesAsWritten) {
        List<LabelledText> texts = new ArrayList<>(samples.size());
        for (NameSample sample : samples) {
            String[] tokens = sample.getSentence();
            int[] starts = new int[tokens.length];
            int[] ends = new int[tokens.length];
            StringBuilder text = new StringBuilder();
            boolean inHandle = false;
            for (int i = 0; i < tokens.length; i++) {
                boolean joinsHandle = handlesAsWritten && i > 0
                        && (tokens[i - 1].equals("@") || inHandle && (tokens[i].equals("_") || tokens[i - 1].equals("_")));
                inHandle = joinsHandle || handlesAsWritten && tokens[i].equals("@");
                if (i > 0 && !joinsHandle) {
                    text.append(' ');
                }
                starts[i] = text.codePointCount(0, text.length());
                text.append(tokens[i]);
                ends[i] = starts[i] + tokens[i].codePointCount(0, tokens[i].length());
            }
            List<LabelledText.Span> gold = new ArrayList<>();
            for (Span name : sample.getNames()) {
                EntityType.fromModelName(name.getType()).ifPresent(type -> gold.add(new LabelledText.Span(type.name(),
                        starts[name.getStart()], ends[name.getEnd() - 1])));
            }
            texts.add(new LabelledText(text.toString(), gold));
        }
        return texts;
    }
}
