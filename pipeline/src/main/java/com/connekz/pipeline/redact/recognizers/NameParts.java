package com.connekz.pipeline.redact.recognizers;

import com.connekz.pipeline.redact.TextView;
import java.util.Set;

/** What ties the words of one name together. */
public final class NameParts {
    /** Lower-case words that sit inside names: Māori "Te", Dutch "van", Irish "Mac"... */
    private static final Set<String> PARTICLES = Set.of("te", "van", "von", "de", "di", "da", "le", "la", "mac", "mc", "bin", "binti", "ap");

    /**
     * Lower-case words between a given name and a surname: "du" in "Marcus du Sautoy". Not "y", "e",
     * "al" or "el", which as often join two people ("Diego y Maria") as they stand inside one name.
     */
    private static final Set<String> JOINING = Set.of("van", "von", "de", "du", "da", "di", "del", "della", "der", "den",
            "des", "dos", "das", "la", "le", "bin", "binti", "ibn", "ter", "ten", "te", "ap");

    private NameParts() {}

    /** Whether the word, exactly as written (lower case), may stand between two parts of one name. */
    public static boolean isJoiningParticle(String word) {
        return JOINING.contains(word);
    }

    public static boolean isParticle(String lower) {
        return PARTICLES.contains(lower);
    }

    /** Whether the token after {@code token} follows it as part of the same name: one space or hyphen. */
    static boolean joined(TextView view, int token) {
        int from = view.tokenEnd(token);
        int to = view.tokenStart(token + 1);
        if (to - from != 1) {
            return false;
        }
        char between = view.text().charAt(from);
        return between == ' ' || between == '-' || between == '\'' || between == '’';
    }
}
