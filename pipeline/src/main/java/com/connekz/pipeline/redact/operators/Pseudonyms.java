package com.connekz.pipeline.redact.operators;

import com.connekz.pipeline.redact.EntityTypes;
import com.connekz.pipeline.redact.TextView;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Numbers the distinct values of each type within one example, so that the same person, email or
 * phone number gets the same pseudonym in every message. A person's name parts share the number
 * of the full name ("Aroha Ngata", later "Aroha" or "Ms Ngata"). Not thread-safe: one per example.
 */
public final class Pseudonyms {
    private final Map<String, Integer> numbers = new HashMap<>();
    private final Map<String, Integer> nextByType = new HashMap<>();

    /** The number of this value of this type, assigning the next free one on first sight. */
    public int numberOf(String type, String value) {
        String key = type + '\u0000' + normalise(value);
        Integer known = numbers.get(key);
        if (known != null) {
            return known;
        }
        int number = EntityTypes.PERSON.equals(type) ? knownPart(type, value) : 0;
        if (number == 0) {
            number = nextByType.merge(type, 1, Integer::sum);
        }
        numbers.put(key, number);
        if (EntityTypes.PERSON.equals(type)) {
            TextView parts = new TextView(value);
            for (int i = 0; i < parts.tokenCount(); i++) {
                numbers.putIfAbsent(type + '\u0000' + parts.lowerToken(i), number);
            }
        }
        return number;
    }

    private int knownPart(String type, String value) {
        TextView parts = new TextView(value);
        for (int i = 0; i < parts.tokenCount(); i++) {
            Integer known = numbers.get(type + '\u0000' + parts.lowerToken(i));
            if (known != null) {
                return known;
            }
        }
        return 0;
    }

    /** Case and spacing do not make a different value: "021 555 0199" is "0215550199". */
    static String normalise(String value) {
        StringBuilder kept = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (TextView.isWordChar(c) || c == '@' || c == '.') {
                kept.append(c);
            }
        }
        return kept.toString().toLowerCase(Locale.ROOT);
    }
}
