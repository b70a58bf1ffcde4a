package com.connekz.pipeline.redact.ner;

/** One corpus file as a training or evaluation input: its path under the corpora root, checksum and use. */
public record CorpusFile(String path, String sha256, String part, int sentences) {
}
