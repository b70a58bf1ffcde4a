package com.connekz.pipeline.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.zip.GZIPOutputStream;

/**
 * The part files of one source: {@code <root>/<source>/dt=YYYY-MM-DD/part-NNNNN.jsonl[.gz]}. A new
 * part starts with each day and whenever the current one reaches its line limit, so that a large
 * day lands as several files that can be read in parallel.
 */
final class PartFiles implements AutoCloseable {
    private final Path root;
    private final String source;
    private final boolean gzip;
    private final long linesPerPart;

    private Writer writer;
    private Path currentPath;
    private String currentName;
    private LocalDate day;
    private int partNumber;
    private long linesInPart;

    private long files;
    private long bytes;

    PartFiles(Path root, String source, boolean gzip, long linesPerPart) {
        this.root = root;
        this.source = source;
        this.gzip = gzip;
        this.linesPerPart = linesPerPart;
    }

    /** Closes the current part; the next line opens the first part of the given day. */
    void startDay(LocalDate date) {
        closePart();
        day = date;
        partNumber = 0;
    }

    /** Appends one line and returns its 1-based number within the file it went to. */
    long write(String line) {
        if (writer == null || linesInPart >= linesPerPart) {
            openNextPart();
        }
        try {
            writer.write(line);
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ++linesInPart;
    }

    /** The path of the file the last line went to, relative to the landing root, with '/' separators. */
    String currentFile() {
        return currentName;
    }

    private void openNextPart() {
        if (writer != null) {
            closePart();
            partNumber++;
        }
        String dayFolder = "dt=" + day;
        String fileName = String.format("part-%05d.jsonl%s", partNumber, gzip ? ".gz" : "");
        currentName = source + "/" + dayFolder + "/" + fileName;
        currentPath = root.resolve(source).resolve(dayFolder).resolve(fileName);
        try {
            Files.createDirectories(currentPath.getParent());
            OutputStream out = Files.newOutputStream(currentPath);
            if (gzip) {
                out = new GZIPOutputStream(out, 1 << 16);
            }
            writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        linesInPart = 0;
        files++;
    }

    private void closePart() {
        if (writer == null) {
            return;
        }
        try {
            writer.close();
            bytes += Files.size(currentPath);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writer = null;
    }

    long files() {
        return files;
    }

    /** Bytes on disk of the parts closed so far (compressed size for gzip parts). */
    long bytes() {
        return bytes;
    }

    @Override
    public void close() {
        closePart();
    }
}
