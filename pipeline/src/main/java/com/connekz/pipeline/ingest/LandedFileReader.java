package com.connekz.pipeline.ingest;

import com.connekz.pipeline.lake.HadoopConf;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeProjection;
import org.apache.spark.sql.catalyst.util.DateTimeUtils;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Runs in a task: streams one slice of a landed file line by line (gzip or not, local or S3A) and
 * turns each line into an internal row of {@link ParsedSchema}, numbered as the line of the file it
 * is. A file that cannot be read to the end yields a bad record at the line where reading stopped;
 * it never fails the task.
 */
final class LandedFileReader implements FlatMapFunction<LandedSlice, InternalRow> {
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
    public Iterator<InternalRow> call(LandedSlice slice) throws IOException {
        LandedFile file = slice.file();
        NewlineLines reader = open(slice);
        LineParser parser = new LineParser(source);
        Projection projection = new Projection(file);
        return new AheadIterator<>() {
            private long lineNumber = slice.firstLine() - 1;
            private boolean stopped;

            @Override
            protected InternalRow advance() {
                if (stopped) {
                    return null;
                }
                try {
                    String line = reader.next();
                    if (line == null) {
                        reader.close();
                        return null;
                    }
                    lineNumber++;
                    return toRow(projection, file, lineNumber, line, parser.parse(line));
                } catch (IOException e) {
                    closeQuietly(reader);
                    stopped = true;
                    return unreadable(projection, file, lineNumber + 1);
                }
            }
        };
    }

    private NewlineLines open(LandedSlice slice) throws IOException {
        Path path = new Path(slice.file().path());
        FSDataInputStream raw = path.getFileSystem(hadoop.get()).open(path);
        raw.seek(slice.start());
        InputStream in = raw;
        CompressionCodec codec = new CompressionCodecFactory(hadoop.get()).getCodec(path);
        if (codec != null) {
            in = codec.createInputStream(in);
        }
        return new NewlineLines(in, slice.length());
    }

    /**
     * Builds Spark's internal row directly (UTF-8 strings, microseconds, days): converting external
     * {@code Row}s afterwards cost as much as parsing the line. Copied out of the projection's
     * buffer, because the rows are cached.
     */
    private InternalRow toRow(Projection projection, LandedFile file, long line, String text, ParsedLine parsed) {
        List<Field> fields = source.fields();
        Object[] values = new Object[fields.size() + 10];
        if (parsed.isGood()) {
            for (int i = 0; i < fields.size(); i++) {
                values[i] = CatalystValues.of(fields.get(i).type(), parsed.values()[i]);
            }
        }
        int at = fields.size();
        values[at++] = utf8(parsed.extra());
        values[at++] = projection.runId;
        values[at++] = projection.sourceFile;
        values[at++] = line;
        values[at++] = projection.ingestedAtMicros;
        values[at++] = utf8(parsed.contentHash());
        BadRecord bad = parsed.bad();
        values[at++] = bad == null ? null : utf8(bad.reason());
        values[at++] = bad == null ? null : utf8(bad.field());
        values[at++] = bad == null ? null : utf8(bad.message());
        values[at] = bad == null ? null : utf8(text);
        return projection.unsafe.apply(new GenericInternalRow(values)).copy();
    }

    private static UTF8String utf8(String text) {
        return text == null ? null : UTF8String.fromString(text);
    }

    /** Per-file constants in Spark's form, and the projection to compact rows. */
    private final class Projection {
        final UnsafeProjection unsafe = UnsafeProjection.create(ParsedSchema.of(source));
        final UTF8String runId = UTF8String.fromString(LandedFileReader.this.runId);
        final UTF8String sourceFile;
        final long ingestedAtMicros = DateTimeUtils.fromJavaTimestamp(ingestedAt);

        Projection(LandedFile file) {
            this.sourceFile = UTF8String.fromString(file.path());
        }
    }

    private InternalRow unreadable(Projection projection, LandedFile file, long line) {
        ParsedLine bad = ParsedLine.bad(new BadRecord(BadRecord.UNREADABLE_FILE, null,
                "the file could not be read past this line (corrupt or truncated)"));
        return toRow(projection, file, line, null, bad);
    }

    private static void closeQuietly(NewlineLines reader) {
        try {
            reader.close();
        } catch (IOException ignored) {
            // Already failing: the bad record says so.
        }
    }
}
