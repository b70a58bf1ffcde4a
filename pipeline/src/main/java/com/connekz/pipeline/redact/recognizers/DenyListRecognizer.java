package com.connekz.pipeline.redact.recognizers;

import com.connekz.pipeline.redact.Entity;
import com.connekz.pipeline.redact.Recognizer;
import com.connekz.pipeline.redact.TextView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Terms the policy always redacts as a given type, matched as whole words, case-insensitively. */
public final class DenyListRecognizer implements Recognizer {
    private record Term(String[] words, String type) {}

    private final List<Term> terms = new ArrayList<>();

    public DenyListRecognizer(Map<String, List<String>> termsByType) {
        termsByType.forEach((type, list) -> list.forEach(term -> {
            TextView words = new TextView(term);
            if (words.tokenCount() > 0) {
                String[] lower = new String[words.tokenCount()];
                for (int i = 0; i < lower.length; i++) {
                    lower[i] = words.lowerToken(i);
                }
                terms.add(new Term(lower, type));
            }
        }));
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    @Override
    public String name() {
        return "deny_list";
    }

    @Override
    public Set<String> types() {
        Set<String> types = new java.util.HashSet<>();
        terms.forEach(term -> types.add(term.type()));
        return types;
    }

    @Override
    public void recognize(TextView view, List<Entity> found) {
        for (int i = 0; i < view.tokenCount(); i++) {
            for (Term term : terms) {
                if (matchesAt(view, i, term.words())) {
                    int last = i + term.words().length - 1;
                    found.add(new Entity(term.type(), view.tokenStart(i), view.tokenEnd(last), 1.0, name()));
                }
            }
        }
    }

    private static boolean matchesAt(TextView view, int at, String[] words) {
        if (at + words.length > view.tokenCount()) {
            return false;
        }
        for (int k = 0; k < words.length; k++) {
            if (!view.lowerToken(at + k).equals(words[k].toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }
}
