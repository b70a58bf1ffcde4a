package com.connekz.pipeline.generate;

import com.connekz.pipeline.ingest.Field;
import com.connekz.pipeline.ingest.Source;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Test-side reading of a generated landing zone, with a validator written from the contract
 * independently of the generator's own corruption code.
 */
final class LandingLines {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private LandingLines() {}

    static List<Path> files(Path root, Source source) {
        Path folder = root.resolve(source.folder());
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(Path file) {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(Path root, Source source) {
        return files(root, source).stream().flatMap(f -> lines(f).stream()).toList();
    }

    static List<JsonNode> goodRecords(Path root, Source source) {
        return lines(root, source).stream().filter(l -> problem(source, l).isEmpty()).map(LandingLines::parse).toList();
    }

    static JsonNode parse(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with a landed line by the contract, or empty when it is a good record. */
    static Optional<BadLineKind> problem(Source source, String line) {
        JsonNode record;
        try {
            record = MAPPER.readTree(line);
        } catch (IOException e) {
            return Optional.of(BadLineKind.INVALID_JSON);
        }
        if (record == null || !record.isObject()) {
            return Optional.of(BadLineKind.INVALID_JSON);
        }
        for (Field field : source.fields()) {
            JsonNode value = record.get(field.name());
            if (value == null || value.isNull()) {
                if (field.required()) {
                    return Optional.of(BadLineKind.MISSING_FIELD);
                }
                continue;
            }
            Optional<BadLineKind> wrong = check(field, value);
            if (wrong.isPresent()) {
                return wrong;
            }
        }
        return Optional.empty();
    }

    private static Optional<BadLineKind> check(Field field, JsonNode value) {
        switch (field.type()) {
            case STRING -> {
                if (!value.isTextual()) {
                    return Optional.of(BadLineKind.WRONG_TYPE);
                }
                if (!field.allowed().isEmpty() && !field.allowed().contains(value.asText())) {
                    return Optional.of(BadLineKind.BAD_ENUM);
                }
            }
            case BOOLEAN -> {
                if (!value.isBoolean()) {
                    return Optional.of(BadLineKind.WRONG_TYPE);
                }
            }
            case TIMESTAMP -> {
                if (!value.isTextual()) {
                    return Optional.of(BadLineKind.WRONG_TYPE);
                }
                try {
                    OffsetDateTime.parse(value.asText());
                } catch (DateTimeParseException e) {
                    return Optional.of(BadLineKind.BAD_TIMESTAMP);
                }
            }
            case DATE -> {
                try {
                    LocalDate.parse(value.asText());
                } catch (DateTimeParseException e) {
                    return Optional.of(BadLineKind.WRONG_TYPE);
                }
            }
            case JSON -> {
                if (!value.isObject()) {
                    return Optional.of(BadLineKind.WRONG_TYPE);
                }
            }
            case SEGMENTS -> {
                if (!value.isArray()) {
                    return Optional.of(BadLineKind.WRONG_TYPE);
                }
                for (JsonNode segment : value) {
                    if (!segment.path("speaker").isTextual() || !segment.path("text").isTextual()
                            || !segment.path("start_ms").isIntegralNumber() || !segment.path("end_ms").isIntegralNumber()) {
                        return Optional.of(BadLineKind.WRONG_TYPE);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
