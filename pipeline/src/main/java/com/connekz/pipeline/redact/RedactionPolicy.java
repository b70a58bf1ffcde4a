package com.connekz.pipeline.redact;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a deployment redacts and how, as read from {@code conf/redaction.yaml}: which entity types
 * are enabled, the score each must reach, context words that raise scores, allow- and deny-lists,
 * the operator per type and the types whose presence drops the whole example. Unknown keys,
 * unknown types and unknown operators are errors: a typo must not silently turn redaction off.
 */
public record RedactionPolicy(
        @JsonProperty("version") String version,
        @JsonProperty("entities") List<String> entities,
        @JsonProperty("default_threshold") Double defaultThreshold,
        @JsonProperty("thresholds") Map<String, Double> thresholds,
        @JsonProperty("context_boost") Double contextBoost,
        @JsonProperty("context_window") Integer contextWindow,
        @JsonProperty("context") Map<String, List<String>> context,
        @JsonProperty("allow_list") List<String> allowList,
        @JsonProperty("deny_list") Map<String, List<String>> denyList,
        @JsonProperty("operators") Map<String, String> operators,
        @JsonProperty("drop_example") List<String> dropExample,
        @JsonProperty("name_finder") Boolean nameFinder,
        @JsonProperty("name_finder_scope") String nameFinderScope,
        @JsonProperty("propagate_names") Boolean propagateNames) implements java.io.Serializable {

    /** The resource holding the policy shipped in the jar, used when no file is given. */
    public static final String DEFAULT_RESOURCE = "/redact/redaction.yaml";
    /** The name finder reads every sentence. */
    public static final String EVERY_SENTENCE = "every_sentence";
    /** The name finder reads only sentences with a capitalised word no list explains. */
    public static final String UNEXPLAINED_CAPITALS = "unexplained_capitals";
    /**
     * The name finder reads every sentence of a text without capitals, and in a text with capitals only
     * the sentences holding a capitalised word after the first or a listed first name or surname.
     */
    public static final String NAME_CANDIDATES = "name_candidates";
    public static final Set<String> OPERATORS = Set.of("placeholder", "pseudonym", "hash", "mask", "keep");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public RedactionPolicy {
        version = version == null ? "unversioned" : version;
        entities = entities == null ? EntityTypes.ALL : List.copyOf(entities);
        defaultThreshold = defaultThreshold == null ? 0.5 : defaultThreshold;
        thresholds = thresholds == null ? Map.of() : Map.copyOf(thresholds);
        contextBoost = contextBoost == null ? 0.35 : contextBoost;
        contextWindow = contextWindow == null ? 6 : contextWindow;
        context = context == null ? Map.of() : lowerCased(context);
        allowList = allowList == null ? List.of() : List.copyOf(allowList);
        denyList = denyList == null ? Map.of() : Map.copyOf(denyList);
        operators = operators == null ? Map.of() : Map.copyOf(operators);
        dropExample = dropExample == null ? List.of() : List.copyOf(dropExample);
        nameFinder = nameFinder == null || nameFinder;
        nameFinderScope = nameFinderScope == null ? EVERY_SENTENCE : nameFinderScope;
        if (!Set.of(EVERY_SENTENCE, NAME_CANDIDATES, UNEXPLAINED_CAPITALS).contains(nameFinderScope)) {
            throw new IllegalArgumentException("invalid redaction policy: name_finder_scope must be "
                    + EVERY_SENTENCE + ", " + NAME_CANDIDATES + " or " + UNEXPLAINED_CAPITALS);
        }
        propagateNames = propagateNames == null || propagateNames;
        validate(entities, thresholds.keySet(), context.keySet(), denyList.keySet(), dropExample, operators);
    }

    /** Reads a policy file; any problem is an {@link IllegalArgumentException} naming the file. */
    public static RedactionPolicy read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("redaction policy " + file + " is unreadable: " + e.getMessage(), e);
        }
    }

    /** The policy shipped in the jar (a copy of {@code conf/redaction.yaml}). */
    public static RedactionPolicy shipped() {
        try (InputStream in = RedactionPolicy.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar holds no redaction policy at " + DEFAULT_RESOURCE);
            }
            return read(in, DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The policy at {@code file} when it exists, else the shipped one. */
    public static RedactionPolicy fileOrShipped(Path file) {
        return file != null && Files.isRegularFile(file) ? read(file) : shipped();
    }

    private static RedactionPolicy read(InputStream in, String name) throws IOException {
        try {
            RedactionPolicy policy = YAML.readValue(in, RedactionPolicy.class);
            return policy == null ? new RedactionPolicy(null, null, null, null, null, null, null, null, null, null, null, null, null, null) : policy;
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("invalid redaction policy " + name + ": "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    public boolean enabled(String type) {
        return entities.contains(type);
    }

    public double threshold(String type) {
        return thresholds.getOrDefault(type, defaultThreshold);
    }

    public String operator(String type) {
        return operators.getOrDefault(type, operators.getOrDefault("default", "placeholder"));
    }

    public List<String> contextWords(String type) {
        return context.getOrDefault(type, List.of());
    }

    public boolean drops(String type) {
        return dropExample.contains(type);
    }

    private static Map<String, List<String>> lowerCased(Map<String, List<String>> context) {
        return context.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                entry -> entry.getValue().stream().map(word -> word.toLowerCase(Locale.ROOT)).toList()));
    }

    private static void validate(List<String> entities, Set<String> thresholdTypes, Set<String> contextTypes,
            Set<String> denyTypes, List<String> dropTypes, Map<String, String> operators) {
        requireKnown("entities", entities);
        requireKnown("thresholds", thresholdTypes);
        requireKnown("context", contextTypes);
        requireKnown("deny_list", denyTypes);
        requireKnown("drop_example", dropTypes);
        requireKnown("operators", operators.keySet().stream().filter(key -> !key.equals("default")).toList());
        operators.forEach((type, operator) -> {
            if (!OPERATORS.contains(operator)) {
                throw new IllegalArgumentException("invalid redaction policy: operators." + type + ": '" + operator
                        + "' is not one of " + OPERATORS);
            }
        });
    }

    private static void requireKnown(String key, java.util.Collection<String> types) {
        for (String type : types) {
            if (!EntityTypes.ALL.contains(type)) {
                throw new IllegalArgumentException("invalid redaction policy: " + key + ": unknown entity type '" + type + "'");
            }
        }
    }
}
