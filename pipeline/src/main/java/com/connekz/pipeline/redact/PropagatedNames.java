package com.connekz.pipeline.redact;

import com.connekz.pipeline.redact.recognizers.NameLists;
import com.connekz.pipeline.redact.recognizers.NameParts;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The persons found anywhere in one example, and their other mentions in it: once "Tama Ngata" is
 * found, "Tama" and "Ngata" elsewhere in the conversation are persons too. A part found capitalised
 * marks only capitalised mentions, or any mention in a text written without capitals: "Design" of
 * "Cesaroni Design" is not "a design consultancy", but "tama" in "ok tama said yes" is Tama.
 * Ordinary words, particles and allow-listed words never propagate. Not thread-safe: one per example.
 */
final class PropagatedNames {
    private static final String RECOGNIZER = "propagation";
    private static final double SCORE = 0.8;

    private final Set<String> allowList;
    private final Set<String> parts = new HashSet<>();
    private final Set<String> partsWrittenLowerCase = new HashSet<>();

    /** @param allowList lower-cased words that are never redacted */
    PropagatedNames(Set<String> allowList) {
        this.allowList = allowList;
    }

    boolean isEmpty() {
        return parts.isEmpty();
    }

    /** Remembers the parts of every person among the text's resolved entities. */
    void collect(TextView view, List<Entity> entities) {
        for (Entity entity : entities) {
            if (!EntityTypes.PERSON.equals(entity.type())) {
                continue;
            }
            int first = view.tokenAtOrAfter(entity.start());
            for (int t = first; t < view.tokenCount() && view.tokenStart(t) < entity.end(); t++) {
                String part = view.lowerToken(t);
                if (part.length() > 1 && Character.isLetter(part.charAt(0)) && !allowList.contains(part)
                        && !NameLists.shared().isCommonWord(part)
                        && !NameParts.isParticle(part) && !NameLists.shared().isNeverName(part)) {
                    parts.add(part);
                    if (!view.capitalised(t)) {
                        partsWrittenLowerCase.add(part);
                    }
                }
            }
        }
    }

    /** Adds a PERSON candidate for every mention in the text of a remembered part. */
    void mark(TextView view, List<Entity> candidates) {
        boolean anyCase = !view.hasCapital();
        for (int t = 0; t < view.tokenCount(); t++) {
            String word = view.lowerToken(t);
            if (parts.contains(word) && (anyCase || view.capitalised(t) || partsWrittenLowerCase.contains(word))) {
                candidates.add(new Entity(EntityTypes.PERSON, view.tokenStart(t), view.tokenEnd(t), SCORE, RECOGNIZER));
            }
        }
    }
}
