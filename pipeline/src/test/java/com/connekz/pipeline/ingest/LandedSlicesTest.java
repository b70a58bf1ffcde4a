package com.connekz.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.testing.SharedSpark;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandedSlicesTest {
    @TempDir
    Path dir;

    @Test
    void slicesTogetherHoldEveryLineOnceAndKnowTheNumberOfTheirFirst() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            // Lines of 1 to 90 bytes, some longer than a slice, some ending in \r\n.
            lines.add("line " + i + " " + "x".repeat((i * 37) % 85) + (i % 11 == 0 ? "\r" : ""));
        }
        LandedFile file = land("a.jsonl", String.join("\n", lines));

        for (long sliceBytes : new long[] {64, 100, 1_000}) {
            List<LandedSlice> slices = LandedSlices.of(SharedSpark.session(), List.of(file), sliceBytes);

            List<String> read = new ArrayList<>();
            for (LandedSlice slice : slices) {
                List<String> ofSlice = linesOf(slice);
                assertThat(ofSlice).as("slice from byte %d", slice.start()).isNotEmpty();
                assertThat(ofSlice.get(0)).as("slice from byte %d", slice.start()).startsWith("line " + slice.firstLine() + " ");
                read.addAll(ofSlice);
            }
            assertThat(read).as("cut every %d bytes", sliceBytes)
                    .containsExactlyElementsOf(lines.stream().map(line -> line.replace("\r", "")).toList());
            assertThat(slices.size()).as("cut every %d bytes", sliceBytes).isGreaterThan(1);
        }
    }

    @Test
    void smallAndGzipFilesAreReadWhole() throws IOException {
        LandedFile small = land("small.jsonl", "a\nb\n");
        Path gz = dir.resolve("big.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("line\n".repeat(1_000).getBytes(StandardCharsets.UTF_8));
        }
        LandedFile gzipped = new LandedFile("chats", gz.toString(), Files.size(gz), 0);

        assertThat(LandedSlices.of(SharedSpark.session(), List.of(small, gzipped), 4))
                .containsExactly(LandedSlice.whole(small), LandedSlice.whole(gzipped));
    }

    @Test
    void aFileThatCannotBeScannedIsLeftWholeForItsReaderToReportWhereReadingStopped() {
        LandedFile gone = new LandedFile("chats", dir.resolve("gone.jsonl").toString(), 10_000, 0);

        assertThat(LandedSlices.of(SharedSpark.session(), List.of(gone), 1_000)).containsExactly(LandedSlice.whole(gone));
    }

    private List<String> linesOf(LandedSlice slice) throws IOException {
        FileInputStream in = new FileInputStream(slice.file().path());
        in.getChannel().position(slice.start());
        List<String> lines = new ArrayList<>();
        try (NewlineLines reader = new NewlineLines(in, slice.length())) {
            for (String line = reader.next(); line != null; line = reader.next()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private LandedFile land(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return new LandedFile("chats", file.toString(), Files.size(file), 0);
    }
}
