package com.connekz.pipeline.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads {@code pipeline.yaml}, applies {@code --set key=value} overrides (dotted keys), and validates
 * the result into a {@link PipelineConfig}. Any problem is a {@link ConfigException} naming the key.
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ConfigLoader() {}

    public static PipelineConfig load(Path file, Map<String, String> overrides) {
        ObjectNode tree = read(file);
        overrides.forEach((key, value) -> override(tree, key, value));
        PipelineConfig config = bind(tree);
        ConfigValidator.validate(config);
        return config.withAbsolutePaths();
    }

    private static ObjectNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("configuration file not found: " + file);
        }
        try {
            JsonNode node = YAML.readTree(file.toFile());
            if (node == null || node.isMissingNode() || node.isNull()) {
                return JsonNodeFactory.instance.objectNode();
            }
            if (!node.isObject()) {
                throw new ConfigException("invalid configuration: " + file + ": the top level must be a mapping");
            }
            return (ObjectNode) node;
        } catch (IOException e) {
            throw new ConfigException("invalid configuration: " + file + ": not valid YAML ("
                    + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    /** Sets one dotted key; the value is read as a YAML scalar so numbers and booleans keep their type. */
    static void override(ObjectNode tree, String key, String value) {
        String[] parts = key.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (child == null || child.isNull()) {
                child = node.putObject(parts[i]);
            } else if (!child.isObject()) {
                throw ConfigException.invalid(key, "'" + parts[i] + "' is not a section");
            }
            node = (ObjectNode) child;
        }
        node.set(parts[parts.length - 1], scalar(value));
    }

    private static JsonNode scalar(String value) {
        try {
            JsonNode parsed = YAML.readTree(value);
            return parsed == null || parsed.isMissingNode() ? JsonNodeFactory.instance.textNode(value) : parsed;
        } catch (IOException e) {
            return JsonNodeFactory.instance.textNode(value);
        }
    }

    private static PipelineConfig bind(ObjectNode tree) {
        try {
            return YAML.treeToValue(tree, PipelineConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw ConfigException.invalid(keyOf(e), "unknown key");
        } catch (InvalidFormatException e) {
            throw ConfigException.invalid(keyOf(e), "expected " + e.getTargetType().getSimpleName()
                    + ", got '" + e.getValue() + "'");
        } catch (MismatchedInputException e) {
            throw ConfigException.invalid(keyOf(e), "expected "
                    + (e.getTargetType() == null ? "another type" : e.getTargetType().getSimpleName()));
        } catch (IOException e) {
            throw new ConfigException("invalid configuration: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static String keyOf(MismatchedInputException e) {
        List<String> names = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .toList();
        return names.stream().collect(Collectors.joining(".")).replace(".[", "[");
    }
}
