package com.connekz.pipeline.generate;

/**
 * What the generator wrote for one source.
 *
 * @param records    good records (each once, not counting its duplicates)
 * @param badLines   deliberately bad lines
 * @param duplicates lines repeating a good record already written
 * @param files      part files
 * @param bytes      bytes on disk (compressed size for gzip parts)
 */
public record SourceStats(long records, long badLines, long duplicates, long files, long bytes) {

    public long lines() {
        return records + badLines + duplicates;
    }
}
