package com.connekz.pipeline.generate;

/**
 * One piece of personal data planted in a text field.
 *
 * @param type  what kind of personal data it is
 * @param start its first position, in Unicode code points from the start of the field
 * @param end   the position after its last code point (exclusive)
 */
public record PlantedEntity(EntityType type, int start, int end) {}
