package com.connekz.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewlineLinesTest {

    @Test
    void onlyANewlineEndsALineAndACarriageReturnBeforeItIsDropped() throws IOException {
        assertThat(lines("a\r\nb\rc\n\nd", Long.MAX_VALUE)).containsExactly("a", "b\rc", "", "d");
    }

    @Test
    void aFinalNewlineDoesNotMakeAnEmptyLine() throws IOException {
        assertThat(lines("a\nb\n", Long.MAX_VALUE)).containsExactly("a", "b");
        assertThat(lines("", Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void readsNoFurtherThanItsLimit() throws IOException {
        assertThat(lines("a\nbb\nccc\n", 5)).containsExactly("a", "bb");
    }

    @Test
    void aLineLongerThanTheBufferKeepsCharactersThatStraddleTheBufferEdge() throws IOException {
        String longLine = "x".repeat((1 << 16) - 1) + "ā".repeat(40_000);
        assertThat(lines(longLine + "\nkia ora\n", Long.MAX_VALUE)).containsExactly(longLine, "kia ora");
    }

    private static List<String> lines(String text, long limit) throws IOException {
        List<String> lines = new ArrayList<>();
        try (NewlineLines reader = new NewlineLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), limit)) {
            for (String line = reader.next(); line != null; line = reader.next()) {
                lines.add(line);
            }
        }
        return lines;
    }
}
