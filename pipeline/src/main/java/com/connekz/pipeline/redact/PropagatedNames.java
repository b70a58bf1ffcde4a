package com.connekz.pipeline.redact;

import com.connekz.pipeline.redact.recognizers.NameLists;
import com.connekz.pipeline.redact.recognizers.NameParts;
import com.connekz.pipeline.redact.recognizers.OrdinaryWords;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names found anywhere in one example, and their other mentions in it: once "Tama Ngata" is
 * found, "Tama" and "Ngata" elsewhere in the conversation are persons too, written in any case ("sent
 * it to ngata"). A part that is also an ordinary English word marks only capitalised mentions, or any
 * mention in a text written without capitals: "Porter" of "Tama Porter" is not "the porter", but
 * "porter" in "ok porter said yes" is. Persons and unknown names propagate, each keeping its type
 * (a person wins when a word is both). Common words, particles and allow-listed words never
 * propagate. Not thread-safe: one per example.
 */
final class PropagatedNames {
    private static final String RECOGNIZER = "propagation";
    private static final double SCORE = 0.8;
    private static final Set<String> PROPAGATING = Set.of(EntityTypes.PERSON, EntityTypes.UNKNOWN_NAME);

    private final Set<String> allowList;
    private final Map<String, String> typeByPart = new HashMap<>();

    /** @param allowList lower-cased words that are never redacted */
    PropagatedNames(Set<String> allowList) {
        this.allowList = allowList;
    }

    boolean isEmpty() {
        return typeByPart.isEmpty();
    }

    /** Remembers the parts of every person and unknown name among the text's resolved entities. */
    void collect(TextView view, List<Entity> entities) {
        for (Entity entity : entities) {
            if (!PROPAGATING.contains(entity.type())) {
                continue;
            }
            int first = view.tokenAtOrAfter(entity.start());
            for (int t = first; t < view.tokenCount() && view.tokenStart(t) < entity.end(); t++) {
                String part = view.lowerToken(t);
                if (mayPropagate(part)) {
                    typeByPart.merge(part, entity.type(),
                            (known, found) -> EntityTypes.PERSON.equals(found) ? found : known);
                }
            }
        }
    }

    private boolean mayPropagate(String part) {
        return part.length() > 1 && Character.isLetter(part.charAt(0)) && !allowList.contains(part)
                && !NameLists.shared().isCommonWord(part) && !NameLists.shared().isNeverName(part)
                && !NameParts.isParticle(part) && !NameParts.isJoiningParticle(part);
    }

    /** Adds a candidate for every mention in the text of a remembered part. */
    void mark(TextView view, List<Entity> candidates) {
        boolean anyCase = !view.hasCapital();
        for (int t = 0; t < view.tokenCount(); t++) {
            String word = view.lowerToken(t);
            String type = typeByPart.get(word);
            if (type != null && (anyCase || view.capitalised(t) || !OrdinaryWords.shared().contains(word))) {
                candidates.add(new Entity(type, view.tokenStart(t), view.tokenEnd(t), SCORE, RECOGNIZER));
            }
        }
    }
}
