package com.connekz.pipeline.redact.ner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a corpora folder with the real layout and a few sentences per file, for fast tests. */
final class TinyCorpora {
    private TinyCorpora() {
    }

    static Path write(Path root) throws IOException {
        String tweets = "hi\tO\nmy\tO\nname\tO\nis\tO\nAroha\tB-PER\nfrom\tO\nNapier\tB-LOC\n\n"
                + "thanks\tO\nTama\tB-PER\nat\tO\nFonterra\tB-ORG\n\n";
        for (String file : new String[] {"btc/btc.train", "btc/btc.dev", "btc/btc.test", "wnut17/wnut17train.conll",
                "wnut17/emerging.dev.conll", "wnut17/emerging.test.annotated"}) {
            Files.createDirectories(root.resolve(file).getParent());
            Files.writeString(root.resolve(file), tweets.repeat(5));
        }
        StringBuilder wikigold = new StringBuilder();
        for (int document = 0; document < 10; document++) {
            wikigold.append("-DOCSTART- O\n\nDoc").append(document).append(" O\nHana I-PER\nvisited O\nOtago I-LOC\n\n");
        }
        Files.createDirectories(root.resolve("wikigold"));
        Files.writeString(root.resolve(NerCorpora.WIKIGOLD), wikigold.toString());
        return root;
    }
}
