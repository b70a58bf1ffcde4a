package com.connekz.pipeline.ingest;

import com.connekz.pipeline.lake.HadoopConf;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.sql.SparkSession;

/**
 * Cuts the landed files of a batch into the slices tasks read. A file larger than a slice and not
 * compressed is cut at newlines into slices of about {@code sliceBytes}, so that one large file is
 * parsed by several tasks instead of one (a day's file of a big source would otherwise be a single
 * task however many cores the cluster has). Each slice must know the number of its first line, so
 * cutting costs one scan of those files' bytes beforehand, counting newlines, in parallel; smaller
 * files and gzip files (which cannot be read from the middle) are one slice each and cost nothing.
 */
final class LandedSlices {
    /**
     * The bytes of a slice: a day's chats file of the 1M bench (74 MB) makes three tasks, and a
     * slice's fixed costs (a task, a bronze file) stay small beside its parsing.
     */
    static final long SLICE_BYTES = 32L << 20;

    private LandedSlices() {}

    static List<LandedSlice> of(SparkSession spark, List<LandedFile> files) {
        return of(spark, files, SLICE_BYTES);
    }

    /** The slices of {@code files}, in the files' order and each file's slices in byte order. */
    static List<LandedSlice> of(SparkSession spark, List<LandedFile> files, long sliceBytes) {
        List<ByteRange> ranges = new ArrayList<>();
        for (LandedFile file : files) {
            if (cut(file, sliceBytes)) {
                for (long from = 0; from < file.size(); from += sliceBytes) {
                    ranges.add(new ByteRange(file, from, Math.min(from + sliceBytes, file.size())));
                }
            }
        }
        Map<String, List<NewlineScan>> scans = ranges.isEmpty() ? Map.of() : scan(spark, ranges);
        List<LandedSlice> slices = new ArrayList<>();
        for (LandedFile file : files) {
            List<NewlineScan> fileScans = scans.getOrDefault(file.path(), List.of());
            if (cut(file, sliceBytes) && fileScans.stream().allMatch(NewlineScan::readable)) {
                slices.addAll(slicesOf(file, new ArrayList<>(fileScans)));
            } else {
                slices.add(LandedSlice.whole(file));
            }
        }
        return slices;
    }

    private static boolean cut(LandedFile file, long sliceBytes) {
        return !file.gzipped() && file.size() > sliceBytes;
    }

    private static Map<String, List<NewlineScan>> scan(SparkSession spark, List<ByteRange> ranges) {
        HadoopConf hadoop = new HadoopConf(spark.sparkContext().hadoopConfiguration());
        return JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(ranges, ranges.size()).map(new NewlineScanner(hadoop)).collect().stream()
                .collect(Collectors.groupingBy(scan -> scan.range().file().path()));
    }

    /**
     * A slice starts after the first newline at or past its range's first byte minus one (so a
     * range that begins a line starts there); its first line's number counts the newlines before
     * that start. A line longer than a range leaves the ranges it spans without a start of their own.
     */
    private static List<LandedSlice> slicesOf(LandedFile file, List<NewlineScan> scans) {
        scans.sort(Comparator.comparingLong(scan -> scan.range().from()));
        List<LineStart> starts = new ArrayList<>(List.of(new LineStart(0, 1)));
        long newlinesBefore = 0;
        for (NewlineScan scan : scans) {
            long from = scan.range().from();
            if (from > 0 && scan.firstNewline() >= 0) {
                LineStart start = new LineStart(scan.firstNewline() + 1,
                        newlinesBefore + (scan.firstNewline() >= from ? 1 : 0) + 1);
                if (start.offset() > starts.get(starts.size() - 1).offset() && start.offset() < file.size()) {
                    starts.add(start);
                }
            }
            newlinesBefore += scan.newlines();
        }
        List<LandedSlice> slices = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            long end = i + 1 < starts.size() ? starts.get(i + 1).offset() : LandedSlice.TO_THE_END;
            slices.add(new LandedSlice(file, starts.get(i).offset(), end, starts.get(i).line()));
        }
        return slices;
    }

    /** Where a line begins in a file: its byte offset and its number. */
    private record LineStart(long offset, long line) {}

    /** Bytes {@code from} (inclusive) to {@code to} (exclusive) of a file. */
    record ByteRange(LandedFile file, long from, long to) implements Serializable {}

    /**
     * What a task found in its range: how many newlines lie inside it, and where the first newline
     * at or after {@code from - 1} is (past the range if need be; -1 when there is none). A range
     * that could not be read leaves its file whole: the task reading it then records where reading
     * stopped, as for any unreadable file.
     */
    record NewlineScan(ByteRange range, long newlines, long firstNewline, boolean readable) implements Serializable {}

    /** Runs in a task: scans one range's bytes, and past its end only as far as the next newline. */
    private static final class NewlineScanner implements Function<ByteRange, NewlineScan> {
        private final HadoopConf hadoop;

        NewlineScanner(HadoopConf hadoop) {
            this.hadoop = hadoop;
        }

        @Override
        public NewlineScan call(ByteRange range) {
            Path path = new Path(range.file().path());
            long position = Math.max(0, range.from() - 1);
            long newlines = 0;
            long firstNewline = -1;
            byte[] buffer = new byte[1 << 16];
            try (FSDataInputStream in = path.getFileSystem(hadoop.get()).open(path)) {
                in.seek(position);
                int read;
                while ((position < range.to() || firstNewline < 0) && (read = read(in, buffer, range, position)) > 0) {
                    for (int i = 0; i < read; i++, position++) {
                        if (buffer[i] != '\n') {
                            continue;
                        }
                        if (position >= range.from() && position < range.to()) {
                            newlines++;
                        }
                        if (firstNewline < 0 && position >= range.from() - 1) {
                            firstNewline = position;
                        }
                    }
                }
            } catch (IOException e) {
                return new NewlineScan(range, 0, -1, false);
            }
            return new NewlineScan(range, newlines, firstNewline, true);
        }

        /** Reads within the range, or past it a buffer at a time while the first newline is still to find. */
        private static int read(InputStream in, byte[] buffer, ByteRange range, long position) throws IOException {
            int wanted = position < range.to() ? (int) Math.min(buffer.length, range.to() - position) : buffer.length;
            return in.read(buffer, 0, wanted);
        }
    }
}
