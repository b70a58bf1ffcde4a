package com.connekz.pipeline.redact;

import java.util.List;

/**
 * One text after redaction.
 *
 * @param text     the redacted text (null when the input was null)
 * @param entities what was found in the original, in text order, with UTF-16 offsets into it
 */
public record RedactedText(String text, List<Entity> entities) {
    public RedactedText {
        entities = List.copyOf(entities);
    }
}
