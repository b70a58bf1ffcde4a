package com.connekz.pipeline.redact;

import com.connekz.pipeline.redact.recognizers.NameParts;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Neighbouring findings of one name type are one name: "Sue" (gazetteer) next to "Black" (name
 * finder) is "Sue Black", and two person findings around lower-case particles are one person:
 * "Marcus du Sautoy", "Ludwig van Beethoven". An unknown name next to a typed one is part of it and
 * takes its type: "Tama" (PERSON) "Tamahori" (UNKNOWN_NAME) is the person "Tama Tamahori". One name
 * gets one pseudonym and no particle between its parts stays in the text.
 */
final class AdjacentNames {
    private static final Set<String> NAME_TYPES = EntityTypes.NAMES;

    private AdjacentNames() {}

    /** The entities (non-overlapping, in text order) with neighbouring parts of a name joined. */
    static List<Entity> joined(List<Entity> entities, String text) {
        if (entities.size() < 2) {
            return entities;
        }
        List<Entity> out = new ArrayList<>(entities.size());
        Entity current = entities.get(0);
        for (int i = 1; i < entities.size(); i++) {
            Entity next = entities.get(i);
            String type = commonType(current, next);
            if (type != null && joins(text.substring(current.end(), next.start()), type)) {
                current = union(current, next, type);
            } else {
                out.add(current);
                current = next;
            }
        }
        out.add(current);
        return out;
    }

    /** The type of the name two findings make together, or null when they are not parts of one name. */
    private static String commonType(Entity first, Entity second) {
        if (!NAME_TYPES.contains(first.type()) || !NAME_TYPES.contains(second.type())) {
            return null;
        }
        if (first.type().equals(second.type())) {
            return first.type();
        }
        if (first.type().equals(EntityTypes.UNKNOWN_NAME)) {
            return second.type();
        }
        return second.type().equals(EntityTypes.UNKNOWN_NAME) ? first.type() : null;
    }

    /** Whether the text between two names of a type makes them one: spaces, or (persons) spaced particles. */
    private static boolean joins(String between, String type) {
        if (between.isEmpty() || between.equals(" ")) {
            return true;
        }
        if (!EntityTypes.PERSON.equals(type) || !between.startsWith(" ") || !between.endsWith(" ")) {
            return false;
        }
        String[] words = between.strip().split(" ");
        if (words.length > 2) {
            return false;
        }
        for (String word : words) {
            if (!NameParts.isJoiningParticle(word)) {
                return false;
            }
        }
        return true;
    }

    private static Entity union(Entity first, Entity second, String type) {
        Entity stronger = second.score() > first.score() ? second : first;
        List<String> context = new ArrayList<>(first.context());
        second.context().stream().filter(word -> !context.contains(word)).forEach(context::add);
        return new Entity(type, first.start(), second.end(), stronger.score(), stronger.recognizer(), context);
    }
}
