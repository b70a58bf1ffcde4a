package com.connekz.pipeline.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Parses and validates one landed JSON line against its source's contract schema: no inference,
 * every field's type checked, the first problem reported by field. Plain Java; one instance per
 * thread (the JSON reader is shared safely, the digest is not).
 */
public final class LineParser {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> SCOPES_WITH_TARGET = Set.of("conversation", "call", "memory");

    private final Source source;
    private final Set<String> knownFields;
    private static final HexFormat HEX = HexFormat.of();
    /** One provider for every line: asking the mapper per value built a new one each time. */
    private static final SerializerProvider SERIALIZERS = JSON.getSerializerProviderInstance();

    private final MessageDigest sha256;
    private final OutputStream digestSink;

    public LineParser(Source source) {
        this.source = source;
        this.knownFields = Set.copyOf(source.fields().stream().map(Field::name).toList());
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        this.digestSink = new DigestOutputStream(OutputStream.nullOutputStream(), sha256);
    }

    public ParsedLine parse(String line) {
        if (line.isBlank()) {
            return ParsedLine.bad(new BadRecord(BadRecord.EMPTY_LINE, null, "the line is empty"));
        }
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return ParsedLine.bad(new BadRecord(BadRecord.INVALID_JSON, null,
                    "not valid JSON at column " + e.getLocation().getColumnNr()));
        }
        if (node == null || !node.isObject()) {
            return ParsedLine.bad(new BadRecord(BadRecord.NOT_AN_OBJECT, null, "the line is not a JSON object"));
        }
        try {
            return parseObject((ObjectNode) node);
        } catch (FieldProblem problem) {
            return ParsedLine.bad(problem.bad);
        }
    }

    private ParsedLine parseObject(ObjectNode object) {
        List<Field> fields = source.fields();
        Object[] values = new Object[fields.size()];
        List<Field> present = new ArrayList<>(fields.size());
        List<JsonNode> presentValues = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            JsonNode value = object.get(field.name());
            if (value == null || value.isNull()) {
                if (field.required()) {
                    throw problem(BadRecord.MISSING_FIELD, field.name(), "required field is missing");
                }
                continue;
            }
            values[i] = convert(field, value);
            present.add(field);
            presentValues.add(value);
        }
        checkSourceRules(values);
        return ParsedLine.good(values, extraFields(object), hash(present, presentValues));
    }

    private Object convert(Field field, JsonNode value) {
        return switch (field.type()) {
            case STRING -> allowed(field, text(field.name(), value));
            case TIMESTAMP -> timestamp(field.name(), text(field.name(), value));
            case DATE -> date(field.name(), text(field.name(), value));
            case BOOLEAN -> {
                if (!value.isBoolean()) {
                    throw problem(BadRecord.WRONG_TYPE, field.name(), "expected a boolean, got " + kind(value));
                }
                yield value.booleanValue();
            }
            case JSON -> value.toString();
            case SEGMENTS -> segments(field.name(), value);
        };
    }

    private static String text(String name, JsonNode value) {
        if (!value.isTextual()) {
            throw problem(BadRecord.WRONG_TYPE, name, "expected a string, got " + kind(value));
        }
        return value.textValue();
    }

    private static String allowed(Field field, String value) {
        if (!field.allowed().isEmpty() && !field.allowed().contains(value)) {
            throw problem(BadRecord.BAD_VALUE, field.name(), "must be one of " + field.allowed());
        }
        return value;
    }

    private static Timestamp timestamp(String name, String text) {
        Timestamp common = IsoTimestamps.parseCommonShape(text);
        if (common != null) {
            return common;
        }
        try {
            return Timestamp.from(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            throw problem(BadRecord.BAD_TIMESTAMP, name, "not an ISO-8601 timestamp with offset");
        }
    }

    private static Date date(String name, String text) {
        try {
            return Date.valueOf(LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE));
        } catch (DateTimeParseException e) {
            throw problem(BadRecord.BAD_DATE, name, "not a date YYYY-MM-DD");
        }
    }

    private static List<Row> segments(String name, JsonNode value) {
        if (!value.isArray()) {
            throw problem(BadRecord.WRONG_TYPE, name, "expected an array, got " + kind(value));
        }
        List<Row> rows = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            String at = name + "[" + i + "]";
            JsonNode segment = value.get(i);
            if (!segment.isObject()) {
                throw problem(BadRecord.WRONG_TYPE, at, "expected an object, got " + kind(segment));
            }
            rows.add(RowFactory.create(
                    text(at + ".speaker", required(segment, at, "speaker")),
                    millis(at + ".start_ms", required(segment, at, "start_ms")),
                    millis(at + ".end_ms", required(segment, at, "end_ms")),
                    text(at + ".text", required(segment, at, "text"))));
        }
        return rows;
    }

    private static JsonNode required(JsonNode object, String at, String name) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            throw problem(BadRecord.MISSING_FIELD, at + "." + name, "required field is missing");
        }
        return value;
    }

    private static long millis(String name, JsonNode value) {
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw problem(BadRecord.WRONG_TYPE, name, "expected an integer, got " + kind(value));
        }
        return value.longValue();
    }

    /** Rules that span fields: a deletion of one conversation, call or memory must name it. */
    private void checkSourceRules(Object[] values) {
        if (source == Source.DELETIONS) {
            String scope = (String) values[index("scope")];
            if (SCOPES_WITH_TARGET.contains(scope) && values[index("target_id")] == null) {
                throw problem(BadRecord.MISSING_FIELD, "target_id", "required for scope " + scope);
            }
        }
    }

    private int index(String name) {
        List<Field> fields = source.fields();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private String extraFields(ObjectNode object) {
        ObjectNode extra = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!knownFields.contains(entry.getKey())) {
                if (extra == null) {
                    extra = JSON.createObjectNode();
                }
                extra.set(entry.getKey(), entry.getValue());
            }
        }
        return extra == null ? null : extra.toString();
    }

    /**
     * SHA-256 of the canonical JSON (the contract fields present, in schema order, compact), written
     * straight into the digest: the same bytes as serialising an object node, without building one.
     */
    private String hash(List<Field> present, List<JsonNode> values) {
        sha256.reset();
        try (JsonGenerator generator = JSON.getFactory().createGenerator(digestSink)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            generator.writeStartObject();
            for (int i = 0; i < present.size(); i++) {
                generator.writeFieldName(present.get(i).name());
                values.get(i).serialize(generator, SERIALIZERS);
            }
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HEX.formatHex(sha256.digest());
    }

    private static String kind(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> value.getNodeType().name().toLowerCase();
        };
    }

    private static FieldProblem problem(String reason, String field, String message) {
        return new FieldProblem(new BadRecord(reason, field, field + ": " + message));
    }

    /** Unwinds validation at the first problem; carries no stack trace, it is not an error. */
    private static final class FieldProblem extends RuntimeException {
        final transient BadRecord bad;

        FieldProblem(BadRecord bad) {
            super(null, null, false, false);
            this.bad = bad;
        }
    }
}
