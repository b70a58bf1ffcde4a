package com.connekz.pipeline.redact;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Raises an entity's score when one of its type's context words stands within the window before
 * it (or just after it), and records which words did.
 */
final class ContextScorer {
    private static final int WORDS_AFTER = 2;
    private final Map<String, Set<String>> wordsByType = new HashMap<>();
    private final double boost;
    private final int window;

    ContextScorer(RedactionPolicy policy) {
        policy.context().forEach((type, words) -> wordsByType.put(type, new HashSet<>(words)));
        this.boost = policy.contextBoost();
        this.window = policy.contextWindow();
    }

    Entity score(TextView view, Entity entity) {
        Set<String> words = wordsByType.get(entity.type());
        if (words == null || entity.score() >= 1.0) {
            return entity;
        }
        int first = view.tokenAtOrAfter(entity.start());
        int after = view.tokenAtOrAfter(entity.end());
        List<String> found = null;
        for (int t = Math.max(0, first - window); t < Math.min(view.tokenCount(), after + WORDS_AFTER); t++) {
            if (t >= first && t < after) {
                continue;
            }
            String word = view.lowerToken(t);
            if (words.contains(word)) {
                if (found == null) {
                    found = new ArrayList<>(2);
                }
                if (!found.contains(word)) {
                    found.add(word);
                }
            }
        }
        if (found == null) {
            return entity;
        }
        return entity.withScore(Math.min(1.0, entity.score() + boost), found);
    }
}
