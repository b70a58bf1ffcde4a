package com.connekz.pipeline.redact.ner;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.util.Span;

/**
 * Builds the shipped list of ordinary words ({@code redact/ordinary-words.txt.gz}): every entry of
 * the given SCOWL word lists written in lower case (a word the dictionary capitalises is a proper
 * noun and stays out), and every lower-case word of the NER corpora's training part (train and dev
 * files, wikigold's training documents; never a test file) that is neither inside a labelled name
 * ("obama" in a tweet) nor a handle or hashtag (the word after "@" or "#"). The output is sorted, one word per line,
 * gzip without a timestamp, so the same inputs give the same bytes. Run with
 * {@code java ... OrdinaryWordsBuild CORPORA_ROOT OUT.txt.gz SCOWL_LIST...}.
 */
public final class OrdinaryWordsBuild {
    private static final Pattern WORD = Pattern.compile("\\p{Ll}[\\p{Ll}'’-]*");

    private OrdinaryWordsBuild() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: OrdinaryWordsBuild CORPORA_ROOT OUT.txt.gz SCOWL_LIST...");
        }
        SortedSet<String> words = new TreeSet<>();
        for (int i = 2; i < args.length; i++) {
            words.addAll(dictionaryWords(Files.readAllLines(Path.of(args[i]), StandardCharsets.UTF_8)));
        }
        int fromDictionaries = words.size();
        words.addAll(corpusWords(new NerCorpora(Path.of(args[0])).trainingSamples(true)));
        write(words, Path.of(args[1]));
        System.out.printf("%d words (%d from the word lists, %d more from the corpora) -> %s%n", words.size(),
                fromDictionaries, words.size() - fromDictionaries, args[1]);
    }

    /** The entries written in lower case, without a possessive 's. */
    static SortedSet<String> dictionaryWords(List<String> entries) {
        SortedSet<String> words = new TreeSet<>();
        for (String entry : entries) {
            String word = entry.strip();
            if (word.endsWith("'s")) {
                word = word.substring(0, word.length() - 2);
            }
            if (WORD.matcher(word).matches()) {
                words.add(word);
            }
        }
        return words;
    }

    /** The tokens written in lower case letters, outside names, handles and hashtags. */
    static SortedSet<String> corpusWords(List<NameSample> samples) {
        SortedSet<String> words = new TreeSet<>();
        for (NameSample sample : samples) {
            String[] tokens = sample.getSentence();
            boolean[] inName = new boolean[tokens.length];
            for (Span name : sample.getNames()) {
                for (int i = name.getStart(); i < name.getEnd(); i++) {
                    inName[i] = true;
                }
            }
            for (int i = 0; i < tokens.length; i++) {
                String token = tokens[i];
                boolean tagged = i > 0 && (tokens[i - 1].equals("@") || tokens[i - 1].equals("#"));
                if (!inName[i] && !tagged && token.length() > 1 && WORD.matcher(token).matches()
                        && token.equals(token.toLowerCase(Locale.ROOT))) {
                    words.add(token);
                }
            }
        }
        return words;
    }

    private static void write(SortedSet<String> words, Path out) {
        try (OutputStream file = Files.newOutputStream(out); GZIPOutputStream gzip = new GZIPOutputStream(file)) {
            gzip.write((String.join("\n", words) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
    }
}
