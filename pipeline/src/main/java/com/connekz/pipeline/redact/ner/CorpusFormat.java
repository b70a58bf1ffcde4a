package com.connekz.pipeline.redact.ner;

import java.util.regex.Pattern;

/**
 * The layouts of the NER corpora: one token per line with its label last, a blank (or
 * whitespace-only) line between sentences.
 */
public enum CorpusFormat {
    /** BTC and WNUT-17: {@code token TAB label}, BIO labels; every sentence is its own document. */
    TAB_BIO(Pattern.compile("\t"), false),
    /** Wikigold: {@code token SPACE label}, IOB1 labels; {@code -DOCSTART-} lines start documents. */
    SPACE_IOB1(Pattern.compile(" "), true);

    private final Pattern separator;
    private final boolean markedDocuments;

    CorpusFormat(Pattern separator, boolean markedDocuments) {
        this.separator = separator;
        this.markedDocuments = markedDocuments;
    }

    /** Splits a line at the last separator into {token, label}; null when the line has none. */
    String[] tokenAndLabel(String line) {
        int last = -1;
        var matcher = separator.matcher(line);
        while (matcher.find()) {
            last = matcher.start();
        }
        return last < 0 ? null : new String[] {line.substring(0, last).strip(), line.substring(last + 1).strip()};
    }

    /** True when the corpus marks document starts; otherwise each sentence is a document. */
    boolean markedDocuments() {
        return markedDocuments;
    }

    /** The format of a corpus file by its name: wikigold is space-separated, the others tabbed. */
    public static CorpusFormat of(String fileName) {
        return fileName.startsWith("wikigold") ? SPACE_IOB1 : TAB_BIO;
    }
}
