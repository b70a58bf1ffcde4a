package com.connekz.pipeline.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one record as one line of JSON, reusing its buffer from record to record, and remembers
 * which of its text fields carry planted personal data.
 */
final class JsonLine {
    private static final JsonFactory FACTORY = new JsonFactory();

    /** A text field of the current record that holds planted values, by its path in the record. */
    record LabelledField(String path, LabelledText text) {}

    private final StringWriter buffer = new StringWriter(1024);
    private final List<LabelledField> labelled = new ArrayList<>();
    private JsonGenerator json;

    JsonLine begin() {
        buffer.getBuffer().setLength(0);
        labelled.clear();
        try {
            json = FACTORY.createGenerator(buffer);
            json.writeStartObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    JsonLine string(String name, String value) {
        try {
            json.writeStringField(name, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Writes a text field; when it holds planted values, they are labelled under {@code path}. */
    JsonLine text(String name, LabelledText text, String path) {
        string(name, text.text());
        if (text.hasEntities()) {
            labelled.add(new LabelledField(path, text));
        }
        return this;
    }

    JsonLine text(String name, LabelledText text) {
        return text(name, text, name);
    }

    JsonLine bool(String name, boolean value) {
        try {
            json.writeBooleanField(name, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    JsonLine number(String name, long value) {
        try {
            json.writeNumberField(name, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    JsonLine startArray(String name) {
        try {
            json.writeArrayFieldStart(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    JsonLine endArray() {
        try {
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    JsonLine startObject(String name) {
        try {
            if (name == null) {
                json.writeStartObject();
            } else {
                json.writeObjectFieldStart(name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    JsonLine endObject() {
        try {
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Closes the record and returns it as one line of JSON, without the line break. */
    String end() {
        try {
            json.writeEndObject();
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toString();
    }

    List<LabelledField> labelledFields() {
        return labelled;
    }
}
