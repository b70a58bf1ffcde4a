package com.connekz.pipeline.redact.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;

/**
 * Reads the NER corpora into OpenNLP {@link NameSample}s, one per sentence, with the labels mapped
 * to {@link EntityType} names. A sample that starts a document has {@code clearAdaptiveData} set,
 * so that document boundaries survive for training and for a document-wise hold-out.
 */
public final class CorpusReader {
    private static final String DOCUMENT_START = "-DOCSTART-";

    private CorpusReader() {
    }

    /** Reads a corpus file, its format chosen by {@link CorpusFormat#of(String)}. */
    public static List<NameSample> read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, CorpusFormat.of(file.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus " + file.getFileName(), e);
        }
    }

    /** Reads corpus text held in memory. */
    public static List<NameSample> read(String text, CorpusFormat format) {
        try (BufferedReader in = new BufferedReader(new StringReader(text))) {
            return read(in, format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads every sentence; lines without a label separator are ignored rather than guessed at. */
    public static List<NameSample> read(BufferedReader in, CorpusFormat format) throws IOException {
        List<NameSample> samples = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        SpanDecoder decoder = new SpanDecoder();
        boolean documentStarts = true;
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                documentStarts = flush(samples, tokens, decoder, documentStarts, format);
                decoder = new SpanDecoder();
                continue;
            }
            if (line.startsWith(DOCUMENT_START)) {
                flush(samples, tokens, decoder, documentStarts, format);
                decoder = new SpanDecoder();
                documentStarts = true;
                continue;
            }
            String[] tokenAndLabel = format.tokenAndLabel(line);
            if (tokenAndLabel == null || tokenAndLabel[0].isEmpty()) {
                continue;
            }
            decoder.accept(tokens.size(), tokenAndLabel[1]);
            tokens.add(tokenAndLabel[0]);
        }
        flush(samples, tokens, decoder, documentStarts, format);
        return samples;
    }

    /** Emits the pending sentence if any; returns whether the next sentence starts a document. */
    private static boolean flush(List<NameSample> samples, List<String> tokens, SpanDecoder decoder,
            boolean documentStarts, CorpusFormat format) {
        if (tokens.isEmpty()) {
            return documentStarts;
        }
        Span[] names = decoder.finish(tokens.size());
        boolean clearAdaptiveData = documentStarts || !format.markedDocuments();
        samples.add(new NameSample(tokens.toArray(String[]::new), names, clearAdaptiveData));
        tokens.clear();
        return false;
    }
}
