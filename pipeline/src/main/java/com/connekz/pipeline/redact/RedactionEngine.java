package com.connekz.pipeline.redact;

import com.connekz.pipeline.config.HashKey;
import com.connekz.pipeline.redact.operators.KeyedHashOperator;
import com.connekz.pipeline.redact.operators.MaskOperator;
import com.connekz.pipeline.redact.operators.Operator;
import com.connekz.pipeline.redact.operators.PlaceholderOperator;
import com.connekz.pipeline.redact.operators.PseudonymOperator;
import com.connekz.pipeline.redact.operators.Pseudonyms;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Finds personal data in text and replaces it, per a {@link RedactionPolicy}. Immutable and
 * thread-safe: build one per JVM and share it. Work is linear in the text's length.
 *
 * <p>Analysis runs every recognizer, raises scores by context, drops findings below their
 * threshold, disabled or allow-listed, and resolves overlaps. Redaction of an example analyses all
 * its texts first, so that a name found anywhere in it is also redacted where it appears alone
 * (propagation), then applies each type's operator with pseudonyms numbered across the example.
 */
public final class RedactionEngine {
    private final RedactionPolicy policy;
    private final RecognizerRegistry registry;
    private final ContextScorer context;
    private final Set<String> allowList;
    private final Map<String, Operator> operators;

    /**
     * @param hashKey key of the {@code hash} operator; required only when the policy uses it
     * @throws IllegalArgumentException when the policy uses {@code hash} and no key is given
     */
    public RedactionEngine(RedactionPolicy policy, RecognizerRegistry registry, HashKey hashKey) {
        this.policy = policy;
        this.registry = registry;
        this.context = new ContextScorer(policy);
        this.allowList = policy.allowList().stream().map(term -> term.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.operators = operators(policy, hashKey);
    }

    /** An engine with every recognizer its policy enables. */
    public static RedactionEngine of(RedactionPolicy policy, HashKey hashKey) {
        return new RedactionEngine(policy, RecognizerRegistry.forPolicy(policy), hashKey);
    }

    public RedactionPolicy policy() {
        return policy;
    }

    public RecognizerRegistry registry() {
        return registry;
    }

    /** The entities of one text, non-overlapping, in text order, with UTF-16 offsets. */
    public List<Entity> analyze(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return resolved(candidates(new TextView(text)), text);
    }

    /** One text redacted on its own (an example of one text). */
    public RedactedText redact(String text) {
        return redactExample(java.util.Collections.singletonList(text)).texts().get(0);
    }

    /**
     * The texts of one example redacted together: names propagate across them and pseudonyms are
     * consistent across them. Null texts stay null. The result says whether a drop type was found;
     * its texts are redacted either way.
     */
    public RedactedExample redactExample(List<String> texts) {
        List<TextView> views = new ArrayList<>(texts.size());
        List<List<Entity>> found = new ArrayList<>(texts.size());
        PropagatedNames names = new PropagatedNames(allowList);
        for (String text : texts) {
            TextView view = text == null || text.isEmpty() ? null : new TextView(text);
            views.add(view);
            List<Entity> candidates = view == null ? new ArrayList<>() : candidates(view);
            found.add(candidates);
            if (view != null && policy.propagateNames()) {
                names.collect(view, resolved(candidates, text));
            }
        }
        Pseudonyms pseudonyms = new Pseudonyms();
        Map<String, Long> counts = new TreeMap<>();
        String droppedBy = null;
        List<RedactedText> results = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            TextView view = views.get(i);
            if (view == null) {
                results.add(new RedactedText(texts.get(i), List.of()));
                continue;
            }
            List<Entity> candidates = found.get(i);
            if (!names.isEmpty()) {
                names.mark(view, candidates);
            }
            List<Entity> entities = resolved(candidates, view.text());
            for (Entity entity : entities) {
                counts.merge(entity.type(), 1L, Long::sum);
                if (droppedBy == null && policy.drops(entity.type())) {
                    droppedBy = entity.type();
                }
            }
            results.add(new RedactedText(apply(view.text(), entities, pseudonyms), entities));
        }
        return new RedactedExample(results, counts, droppedBy);
    }

    /** Every finding of every recognizer that survives context, threshold, policy and allow-list. */
    private List<Entity> candidates(TextView view) {
        List<Entity> raw = new ArrayList<>();
        for (Recognizer recognizer : registry.recognizers()) {
            recognizer.recognize(view, raw);
        }
        List<Entity> kept = new ArrayList<>(raw.size());
        for (Entity entity : raw) {
            if (!policy.enabled(entity.type())) {
                continue;
            }
            Entity scored = context.score(view, entity);
            if (scored.score() >= policy.threshold(scored.type()) && !allowed(view.text(), scored)) {
                kept.add(scored);
            }
        }
        return kept;
    }

    /**
     * The candidates resolved, without any allow-listed text: resolution can cut a finding down to
     * such a part ("NHI" of a name finding over "NHI ZZZ0016" once the NHI number takes the rest).
     */
    private List<Entity> resolved(List<Entity> candidates, String text) {
        List<Entity> entities = EntityResolver.resolve(candidates, text);
        return allowList.isEmpty() ? entities : entities.stream().filter(entity -> !allowed(text, entity)).toList();
    }

    private boolean allowed(String text, Entity entity) {
        return !allowList.isEmpty()
                && allowList.contains(text.substring(entity.start(), entity.end()).strip().toLowerCase(Locale.ROOT));
    }

    private String apply(String text, List<Entity> entities, Pseudonyms pseudonyms) {
        if (entities.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16 * entities.size());
        int cursor = 0;
        for (Entity entity : entities) {
            out.append(text, cursor, entity.start());
            String original = text.substring(entity.start(), entity.end());
            Operator operator = operators.get(entity.type());
            out.append(operator == null ? original : operator.replace(entity.type(), original, pseudonyms));
            cursor = entity.end();
        }
        out.append(text, cursor, text.length());
        return out.toString();
    }

    private static Map<String, Operator> operators(RedactionPolicy policy, HashKey hashKey) {
        Map<String, Operator> byName = new HashMap<>();
        byName.put("placeholder", new PlaceholderOperator());
        byName.put("pseudonym", new PseudonymOperator());
        byName.put("mask", new MaskOperator());
        Map<String, Operator> byType = new HashMap<>();
        for (String type : EntityTypes.ALL) {
            String name = policy.operator(type);
            if (name.equals("keep")) {
                continue;
            }
            if (name.equals("hash") && !byName.containsKey("hash")) {
                if (hashKey == null) {
                    throw new IllegalArgumentException("redaction policy hashes " + type + " but no hashing key was given");
                }
                byName.put("hash", new KeyedHashOperator(hashKey));
            }
            byType.put(type, byName.get(name));
        }
        return Map.copyOf(byType);
    }
}
