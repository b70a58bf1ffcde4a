package com.connekz.pipeline.ingest;

import com.connekz.pipeline.lake.HadoopConf;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Runs in a task: streams one landed file line by line (gzip or not, local or S3A) and turns each
 * line into a row of {@link ParsedSchema}, numbering lines from 1. A file that cannot be read to
 * the end yields a bad record at the line where reading stopped; it never fails the task.
 */
final class LandedFileReader implements FlatMapFunction<LandedFile, Row> {
    private final Source source;
    private final String runId;
    private final Timestamp ingestedAt;
    private final HadoopConf hadoop;

    LandedFileReader(Source source, String runId, Timestamp ingestedAt, HadoopConf hadoop) {
        this.source = source;
        this.runId = runId;
        this.ingestedAt = ingestedAt;
        this.hadoop = hadoop;
    }

    @Override
    public Iterator<Row> call(LandedFile file) throws IOException {
        BufferedReader reader = open(file);
        LineParser parser = new LineParser(source);
        return new Iterator<>() {
            private long lineNumber;
            private boolean stopped;
            private Row next = advance();

            private Row advance() {
                if (stopped) {
                    return null;
                }
                try {
                    String line = reader.readLine();
                    if (line == null) {
                        reader.close();
                        return null;
                    }
                    lineNumber++;
                    return toRow(file, lineNumber, line, parser.parse(line));
                } catch (IOException e) {
                    closeQuietly(reader);
                    stopped = true;
                    return unreadable(file, lineNumber + 1);
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Row next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Row current = next;
                next = advance();
                return current;
            }
        };
    }

    private BufferedReader open(LandedFile file) throws IOException {
        Path path = new Path(file.path());
        FileSystem fs = path.getFileSystem(hadoop.get());
        InputStream in = fs.open(path);
        CompressionCodec codec = new CompressionCodecFactory(hadoop.get()).getCodec(path);
        if (codec != null) {
            in = codec.createInputStream(in);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    private Row toRow(LandedFile file, long line, String text, ParsedLine parsed) {
        int fields = source.fields().size();
        List<Object> values = new ArrayList<>(fields + 10);
        if (parsed.isGood()) {
            for (Object value : parsed.values()) {
                values.add(value instanceof List<?> list ? CollectionConverters.asScala(list).toSeq() : value);
            }
        } else {
            for (int i = 0; i < fields; i++) {
                values.add(null);
            }
        }
        values.add(parsed.extra());
        values.add(runId);
        values.add(file.path());
        values.add(line);
        values.add(ingestedAt);
        values.add(parsed.contentHash());
        BadRecord bad = parsed.bad();
        values.add(bad == null ? null : bad.reason());
        values.add(bad == null ? null : bad.field());
        values.add(bad == null ? null : bad.message());
        values.add(bad == null ? null : text);
        return RowFactory.create(values.toArray());
    }

    private Row unreadable(LandedFile file, long line) {
        ParsedLine bad = ParsedLine.bad(new BadRecord(BadRecord.UNREADABLE_FILE, null,
                "the file could not be read past this line (corrupt or truncated)"));
        return toRow(file, line, null, bad);
    }

    private static void closeQuietly(BufferedReader reader) {
        try {
            reader.close();
        } catch (IOException ignored) {
            // Already failing: the bad record says so.
        }
    }
}
