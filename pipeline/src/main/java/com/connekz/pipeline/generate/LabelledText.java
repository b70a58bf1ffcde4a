package com.connekz.pipeline.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a text field piece by piece while remembering where each planted value sits, in Unicode
 * code points (not UTF-16 units), so that labels stay exact for macrons and emoji alike.
 */
public final class LabelledText {
    private final StringBuilder text = new StringBuilder(160);
    private final List<PlantedEntity> entities = new ArrayList<>(2);
    private int codePoints;

    /** Appends words that carry no personal data. */
    public LabelledText plain(String words) {
        text.append(words);
        codePoints += words.codePointCount(0, words.length());
        return this;
    }

    /** Appends a planted value and labels exactly its code points as the given type. */
    public LabelledText planted(EntityType type, String value) {
        int start = codePoints;
        plain(value);
        entities.add(new PlantedEntity(type, start, codePoints));
        return this;
    }

    public String text() {
        return text.toString();
    }

    public List<PlantedEntity> entities() {
        return entities;
    }

    public boolean hasEntities() {
        return !entities.isEmpty();
    }
}
