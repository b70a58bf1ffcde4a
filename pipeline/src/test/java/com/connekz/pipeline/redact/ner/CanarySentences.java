package com.connekz.pipeline.redact.ner;

import com.connekz.pipeline.redact.eval.LabelledText;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.tokenize.SimpleTokenizer;

/** The canary's 200 texts, each tokenized as the name recognizer tokenizes a sentence. */
final class CanarySentences {
    private CanarySentences() {
    }

    static List<String[]> all() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String[]> sentences = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                CanarySentences.class.getResourceAsStream("/redact/canary.jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                sentences.add(SimpleTokenizer.INSTANCE.tokenize(json.readValue(line, LabelledText.class).text()));
            }
        }
        return sentences;
    }
}
