package com.connekz.pipeline.generate;

import com.connekz.pipeline.ingest.Source;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Where generated records go: the part files of each source, the labels of their planted values,
 * and, at the configured rates, bad lines in place of records and duplicates of records.
 */
final class LandingSink implements AutoCloseable {
    private final Map<Source, PartFiles> files = new EnumMap<>(Source.class);
    private final Map<Source, long[]> counts = new EnumMap<>(Source.class);
    private final Map<Source, Pending> pendingDuplicates = new EnumMap<>(Source.class);
    private final Map<BadLineKind, Long> badLineKinds = new EnumMap<>(BadLineKind.class);
    private final LabelsWriter labels;
    private final double badLineRate;
    private final double duplicateRate;
    private final SplittableRandom random;
    private boolean closed;

    private static final int RECORDS = 0;
    private static final int BAD = 1;
    private static final int DUPLICATES = 2;

    /** A record to land a second time a few lines later, as a re-delivery would. */
    private record Pending(String line, int linesToWait) {}

    LandingSink(Path root, GeneratorOptions options) {
        for (Source source : Source.values()) {
            boolean gzip = options.gzip() || options.gzipSources().contains(source);
            files.put(source, new PartFiles(root, source.folder(), gzip, options.linesPerPart()));
            counts.put(source, new long[3]);
        }
        for (BadLineKind kind : BadLineKind.values()) {
            badLineKinds.put(kind, 0L);
        }
        labels = options.labels() ? new LabelsWriter(options.labelsFolder(root).resolve("labels.jsonl")) : null;
        badLineRate = options.badLineRate();
        duplicateRate = options.duplicateRate();
        random = new SplittableRandom(options.seed() ^ 0x5EED_BAD1_1E5L);
    }

    void startDay(LocalDate date) {
        files.values().forEach(f -> f.startDay(date));
    }

    /**
     * Lands one record, with its planted values labelled. At the bad-line rate a damaged copy of it
     * lands just before it, as from a sender whose first attempt broke, so that bad lines never take
     * away a record that a policy case or a deletion request depends on. At the duplicate rate the
     * record lands again a few lines later.
     */
    void emit(Source source, JsonLine record) {
        String line = record.end();
        PartFiles target = files.get(source);
        if (badLineRate > 0 && random.nextDouble() < badLineRate) {
            List<BadLineKind> kinds = BadLines.kindsFor(source);
            BadLineKind kind = kinds.get(random.nextInt(kinds.size()));
            target.write(BadLines.corrupt(source, line, kind, random));
            badLineKinds.merge(kind, 1L, Long::sum);
            counts.get(source)[BAD]++;
        }
        long lineNumber = target.write(line);
        counts.get(source)[RECORDS]++;
        if (labels != null) {
            for (JsonLine.LabelledField field : record.labelledFields()) {
                labels.write(source.folder(), target.currentFile(), lineNumber, field);
            }
        }
        landDueDuplicate(source);
        if (duplicateRate > 0 && !pendingDuplicates.containsKey(source) && random.nextDouble() < duplicateRate) {
            pendingDuplicates.put(source, new Pending(line, 1 + random.nextInt(5)));
        }
    }

    private void landDueDuplicate(Source source) {
        Pending pending = pendingDuplicates.get(source);
        if (pending == null) {
            return;
        }
        if (pending.linesToWait() > 1) {
            pendingDuplicates.put(source, new Pending(pending.line(), pending.linesToWait() - 1));
            return;
        }
        pendingDuplicates.remove(source);
        files.get(source).write(pending.line());
        counts.get(source)[DUPLICATES]++;
    }

    Map<Source, SourceStats> stats() {
        Map<Source, SourceStats> stats = new EnumMap<>(Source.class);
        for (Source source : Source.values()) {
            long[] c = counts.get(source);
            PartFiles f = files.get(source);
            stats.put(source, new SourceStats(c[RECORDS], c[BAD], c[DUPLICATES], f.files(), f.bytes()));
        }
        return stats;
    }

    Map<BadLineKind, Long> badLineKinds() {
        return badLineKinds;
    }

    long labelLines() {
        return labels == null ? 0 : labels.lines();
    }

    /** Lands the duplicates still waiting, then closes every file. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Map.Entry<Source, Pending> pending : pendingDuplicates.entrySet()) {
            files.get(pending.getKey()).write(pending.getValue().line());
            counts.get(pending.getKey())[DUPLICATES]++;
        }
        pendingDuplicates.clear();
        files.values().forEach(PartFiles::close);
        if (labels != null) {
            labels.close();
        }
    }
}
