package com.connekz.pipeline.redact.ner;

import java.util.Locale;
import java.util.Optional;

/** The entity types the name-finder model knows, under the names the model itself uses. */
public enum EntityType {
    PERSON("person"),
    LOCATION("location"),
    ORGANIZATION("organization");

    private final String modelName;

    EntityType(String modelName) {
        this.modelName = modelName;
    }

    /** The type string as it appears in {@code Span.getType()} of the model's results. */
    public String modelName() {
        return modelName;
    }

    /**
     * Maps a corpus label type (without its B-/I- prefix) to a model type: BTC and wikigold
     * PER/LOC/ORG, WNUT person/location/corporation/group. Other types (MISC, product,
     * creative-work) are empty: the model does not learn them.
     */
    public static Optional<EntityType> fromCorpusLabel(String labelType) {
        return switch (labelType.toLowerCase(Locale.ROOT)) {
            case "per", "person" -> Optional.of(PERSON);
            case "loc", "location" -> Optional.of(LOCATION);
            case "org", "organization", "corporation", "group" -> Optional.of(ORGANIZATION);
            default -> Optional.empty();
        };
    }

    /** The enum constant for a model type string, if it is one. */
    public static Optional<EntityType> fromModelName(String modelName) {
        for (EntityType type : values()) {
            if (type.modelName.equals(modelName)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
