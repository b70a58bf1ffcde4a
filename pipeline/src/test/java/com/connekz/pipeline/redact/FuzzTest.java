package com.connekz.pipeline.redact;

import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.redact.testing.TestEngines;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Seeded random inputs mixing identifier-like pieces with noise: invariants that must always hold. */
class FuzzTest {
    private static final String[] PIECES = {"021", "555", "0199", "@", ".", "-", " ", "  ", "\n", ",", "/", ":", "+64",
            "Aroha", "Smith", "my name is", "IRD", "49-091-850", "ZSC21TN", "01-0902-0068389-00", "4111 1111 1111 1111",
            "Street", "RD 2", "PO Box", "password:", "eyJ", "AKIA", "https://", "www.", "ā", "Ō", "😀", "\t", "oh", "two",
            "double", "Dr", "Kia ora", "born", "12/03/1987", "GB82", "WEST", "::", "1", "a", "Z", "'", "\"", "<PERSON>"};

    @Test
    void randomTextNeverBreaksTheEngineOrLeaksWhatItFound() {
        SplittableRandom random = new SplittableRandom(20261125L);
        for (int round = 0; round < 3_000; round++) {
            String text = randomText(random);
            List<Entity> entities = TestEngines.SHIPPED.analyze(text);
            int previousEnd = 0;
            for (Entity entity : entities) {
                assertThat(entity.start()).isGreaterThanOrEqualTo(previousEnd);
                assertThat(entity.end()).isLessThanOrEqualTo(text.length());
                assertThat(entity.score()).isBetween(0.0, 1.0);
                previousEnd = entity.end();
            }
            String redacted = TestEngines.SHIPPED.redact(text).text();
            for (Entity entity : entities) {
                String found = text.substring(entity.start(), entity.end());
                if (distinctive(found) && !occursOutside(text, found, entities)) {
                    assertThat(redacted).as("round %d", round).doesNotContain(found);
                }
            }
        }
    }

    private static String randomText(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(1, 40);
        for (int i = 0; i < pieces; i++) {
            if (random.nextInt(4) == 0) {
                text.appendCodePoint(random.nextInt(0x20, 0x2FF));
            } else {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
        }
        return text.toString();
    }

    /** Long enough and holding a character no replacement contains, so it cannot reappear by chance. */
    private static boolean distinctive(String found) {
        return found.length() >= 5 && found.chars().anyMatch(c -> !(Character.isUpperCase(c) || Character.isDigit(c)
                || "<>_:*abcdef".indexOf(c) >= 0));
    }

    private static boolean occursOutside(String text, String found, List<Entity> entities) {
        List<int[]> covered = new ArrayList<>();
        entities.forEach(entity -> covered.add(new int[] {entity.start(), entity.end()}));
        for (int at = text.indexOf(found); at >= 0; at = text.indexOf(found, at + 1)) {
            int start = at;
            boolean inside = covered.stream().anyMatch(span -> span[0] <= start && start + found.length() <= span[1]);
            if (!inside) {
                return true;
            }
        }
        return false;
    }
}
