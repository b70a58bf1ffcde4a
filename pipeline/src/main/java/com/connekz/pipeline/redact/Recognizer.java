package com.connekz.pipeline.redact;

import java.util.List;
import java.util.Set;

/**
 * Finds entities of some types in a text. Implementations are immutable and thread-safe (state that
 * cannot be shared, such as an OpenNLP finder, lives in a thread-local), and run in time linear in
 * the text's length.
 */
public interface Recognizer {
    /** A short stable name, reported with every entity it finds. */
    String name();

    /** The entity types it can emit; the engine skips it when the policy disables them all. */
    Set<String> types();

    /** Adds what it finds in {@code text} to {@code found}, with scores before context. */
    void recognize(TextView text, List<Entity> found);
}
