package com.connekz.pipeline.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 lines ended by {@code \n} (a {@code \r} before it is dropped), at most {@code limit}
 * bytes of the stream. Only {@code \n} ends a line, as in JSON Lines, so that a file's lines are
 * numbered the same whether one task reads it or several read slices of it cut at newlines.
 */
final class NewlineLines implements Closeable {
    private final InputStream in;
    private final byte[] buffer = new byte[1 << 16];
    private long remaining;
    private int position;
    private int filled;
    private byte[] line = new byte[1 << 12];

    NewlineLines(InputStream in, long limit) {
        this.in = in;
        this.remaining = limit;
    }

    /**
     * The next line without its ending, or null when the stream (or the limit) is reached; a last
     * line without {@code \n} counts when it is not empty.
     */
    String next() throws IOException {
        int length = 0;
        while (true) {
            if (position == filled && !fill()) {
                return length == 0 ? null : decode(length);
            }
            int newline = indexOfNewline();
            int end = newline < 0 ? filled : newline;
            length = append(length, end);
            position = newline < 0 ? filled : newline + 1;
            if (newline >= 0) {
                return decode(length);
            }
        }
    }

    private int indexOfNewline() {
        for (int i = position; i < filled; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private int append(int length, int end) {
        int count = end - position;
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + count));
        }
        System.arraycopy(buffer, position, line, length, count);
        return length + count;
    }

    private String decode(int length) {
        int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        return new String(line, 0, end, StandardCharsets.UTF_8);
    }

    private boolean fill() throws IOException {
        if (remaining <= 0) {
            return false;
        }
        int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
        if (read < 0) {
            remaining = 0;
            return false;
        }
        remaining -= read;
        position = 0;
        filled = read;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
