package com.connekz.pipeline.redact.recognizers;

import com.connekz.pipeline.redact.Entity;
import com.connekz.pipeline.redact.Recognizer;
import com.connekz.pipeline.redact.TextView;
import java.util.ArrayList;
import java.util.List;

/** What a recognizer finds in a text, as the covered substrings (and entities), before any policy. */
final class Found {
    private Found() {}

    static List<Entity> entities(Recognizer recognizer, String text) {
        List<Entity> found = new ArrayList<>();
        recognizer.recognize(new TextView(text), found);
        return found;
    }

    static List<String> texts(Recognizer recognizer, String text) {
        return entities(recognizer, text).stream().map(entity -> text.substring(entity.start(), entity.end())).toList();
    }
}
