package com.connekz.pipeline.generate;

import com.connekz.pipeline.ingest.Source;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a generation run wrote, for people and as JSON.
 *
 * @param labelLines   lines written to {@code _labels/labels.jsonl}
 * @param badLineKinds how many bad lines of each kind
 * @param seconds      wall-clock time of the run
 * @param cpuSeconds   CPU time of the generating thread (generation is single-threaded), which
 *                     stays meaningful on a machine busy with other work
 */
public record GenerationSummary(
        Path out,
        GeneratorOptions options,
        Map<Source, SourceStats> sources,
        long labelLines,
        Map<BadLineKind, Long> badLineKinds,
        double seconds,
        double cpuSeconds) {

    public long records() {
        return sources.values().stream().mapToLong(SourceStats::records).sum();
    }

    public long lines() {
        return sources.values().stream().mapToLong(SourceStats::lines).sum();
    }

    public long files() {
        return sources.values().stream().mapToLong(SourceStats::files).sum();
    }

    public long bytes() {
        return sources.values().stream().mapToLong(SourceStats::bytes).sum();
    }

    public double linesPerSecond() {
        return seconds > 0 ? lines() / seconds : 0;
    }

    public double megabytesPerSecond() {
        return seconds > 0 ? bytes() / 1e6 / seconds : 0;
    }

    public double linesPerCpuSecond() {
        return cpuSeconds > 0 ? lines() / cpuSeconds : 0;
    }

    public double megabytesPerCpuSecond() {
        return cpuSeconds > 0 ? bytes() / 1e6 / cpuSeconds : 0;
    }

    /** The summary as JSON-ready maps, with sources under their folder names. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("out", out.toString());
        json.put("users", options.users());
        json.put("days", options.days());
        json.put("start_date", options.startDate().toString());
        json.put("seed", options.seed());
        Map<String, Object> perSource = new LinkedHashMap<>();
        sources.forEach((source, stats) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("records", stats.records());
            entry.put("bad_lines", stats.badLines());
            entry.put("duplicates", stats.duplicates());
            entry.put("files", stats.files());
            entry.put("bytes", stats.bytes());
            perSource.put(source.folder(), entry);
        });
        json.put("sources", perSource);
        json.put("records", records());
        json.put("lines", lines());
        json.put("files", files());
        json.put("bytes", bytes());
        json.put("label_lines", labelLines);
        Map<String, Object> kinds = new LinkedHashMap<>();
        badLineKinds.forEach((kind, count) -> kinds.put(kind.name().toLowerCase(java.util.Locale.ROOT), count));
        json.put("bad_line_kinds", kinds);
        json.put("seconds", Math.round(seconds * 1000) / 1000.0);
        json.put("lines_per_second", Math.round(linesPerSecond()));
        json.put("megabytes_per_second", Math.round(megabytesPerSecond() * 100) / 100.0);
        json.put("cpu_seconds", Math.round(cpuSeconds * 1000) / 1000.0);
        json.put("lines_per_cpu_second", Math.round(linesPerCpuSecond()));
        json.put("megabytes_per_cpu_second", Math.round(megabytesPerCpuSecond() * 100) / 100.0);
        return json;
    }
}
