package com.connekz.pipeline.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code _labels/labels.jsonl}: one line per text field that holds planted personal data, with
 * the field's full text and each planted value's type and code-point offsets (the format
 * {@code redact --evaluate} reads).
 */
final class LabelsWriter implements AutoCloseable {
    private final Writer writer;
    private final JsonGenerator json;
    private long lines;

    LabelsWriter(Path file) {
        try {
            Files.createDirectories(file.getParent());
            writer = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
            json = new JsonFactory().createGenerator(writer);
            json.setRootValueSeparator(null);
            // Each label ends with a line break written straight to the writer; flushing the
            // generator first must not push every line to the disk.
            json.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(String source, String file, long line, JsonLine.LabelledField field) {
        try {
            json.writeStartObject();
            json.writeStringField("source", source);
            json.writeStringField("file", file);
            json.writeNumberField("line", line);
            json.writeStringField("field", field.path());
            json.writeStringField("text", field.text().text());
            json.writeArrayFieldStart("entities");
            for (PlantedEntity entity : field.text().entities()) {
                json.writeStartObject();
                json.writeStringField("type", entity.type().name());
                json.writeNumberField("start", entity.start());
                json.writeNumberField("end", entity.end());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.flush();
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lines++;
    }

    long lines() {
        return lines;
    }

    @Override
    public void close() {
        try {
            json.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
