package com.connekz.pipeline.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The OpenLineage spec's (2-0-2) requirements on a run event, checked field by field. No artifact on
 * Maven Central ships the spec's JSON schema ({@code OpenLineage.json} lives only in the project's
 * repository; {@code openlineage-java} is generated from it at build time and does not bundle it), so
 * the schema's required fields, formats and enums are written out here.
 */
final class OpenLineageSpecChecks {
    private static final Set<String> EVENT_TYPES = Set.of("START", "RUNNING", "COMPLETE", "ABORT", "FAIL", "OTHER");

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final List<String> violations = new ArrayList<>();

    private OpenLineageSpecChecks() {}

    /** Every way {@code event} breaks the spec; empty when it conforms. */
    static List<String> violations(JsonNode event) {
        OpenLineageSpecChecks checks = new OpenLineageSpecChecks();
        checks.runEvent(event);
        return checks.violations;
    }

    private void runEvent(JsonNode event) {
        dateTime(event, "eventTime", "event");
        uri(event, "producer", "event");
        uri(event, "schemaURL", "event");
        if (event.has("eventType") && !EVENT_TYPES.contains(event.get("eventType").asText())) {
            violations.add("eventType not in the spec's enum: " + event.get("eventType"));
        }
        JsonNode run = required(event, "run", "event");
        if (run != null) {
            uuid(run, "runId", "run");
            facets(run.get("facets"), "run.facets");
            JsonNode parent = run.path("facets").get("parent");
            if (parent != null) {
                uuid(parent.path("run"), "runId", "run.facets.parent.run");
                text(parent.path("job"), "namespace", "run.facets.parent.job");
                text(parent.path("job"), "name", "run.facets.parent.job");
            }
            JsonNode error = run.path("facets").get("errorMessage");
            if (error != null) {
                text(error, "message", "run.facets.errorMessage");
                text(error, "programmingLanguage", "run.facets.errorMessage");
            }
        }
        JsonNode job = required(event, "job", "event");
        if (job != null) {
            text(job, "namespace", "job");
            text(job, "name", "job");
            facets(job.get("facets"), "job.facets");
        }
        datasets(event.get("inputs"), "inputs", "inputFacets");
        datasets(event.get("outputs"), "outputs", "outputFacets");
    }

    private void datasets(JsonNode datasets, String where, String ownFacets) {
        if (datasets == null) {
            return;
        }
        if (!datasets.isArray()) {
            violations.add(where + " is not an array");
            return;
        }
        for (int i = 0; i < datasets.size(); i++) {
            JsonNode dataset = datasets.get(i);
            String at = where + "[" + i + "]";
            text(dataset, "namespace", at);
            text(dataset, "name", at);
            facets(dataset.get("facets"), at + ".facets");
            facets(dataset.get(ownFacets), at + "." + ownFacets);
            JsonNode schema = dataset.path("facets").get("schema");
            if (schema != null) {
                schemaFields(schema.get("fields"), at + ".facets.schema.fields");
            }
        }
    }

    private void schemaFields(JsonNode fields, String where) {
        if (fields == null) {
            return;
        }
        for (int i = 0; i < fields.size(); i++) {
            text(fields.get(i), "name", where + "[" + i + "]");
            schemaFields(fields.get(i).get("fields"), where + "[" + i + "].fields");
        }
    }

    /** Every facet is a BaseFacet: {@code _producer} and {@code _schemaURL}, both URIs. */
    private void facets(JsonNode facets, String where) {
        if (facets == null) {
            return;
        }
        if (!facets.isObject()) {
            violations.add(where + " is not an object");
            return;
        }
        for (Map.Entry<String, JsonNode> facet : facets.properties()) {
            uri(facet.getValue(), "_producer", where + "." + facet.getKey());
            uri(facet.getValue(), "_schemaURL", where + "." + facet.getKey());
        }
    }

    private JsonNode required(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            violations.add(where + "." + field + " is required");
            return null;
        }
        return value;
    }

    private void text(JsonNode node, String field, String where) {
        JsonNode value = required(node, field, where);
        if (value != null && !value.isTextual()) {
            violations.add(where + "." + field + " is not a string");
        }
    }

    private void uri(JsonNode node, String field, String where) {
        JsonNode value = required(node, field, where);
        if (value == null) {
            return;
        }
        try {
            if (!URI.create(value.asText()).isAbsolute()) {
                violations.add(where + "." + field + " is not an absolute URI: " + value);
            }
        } catch (IllegalArgumentException e) {
            violations.add(where + "." + field + " is not a URI: " + value);
        }
    }

    private void uuid(JsonNode node, String field, String where) {
        JsonNode value = required(node, field, where);
        if (value == null) {
            return;
        }
        if (!UUID_TEXT.matcher(value.asText()).matches()) {
            violations.add(where + "." + field + " is not a UUID: " + value);
        }
    }

    private void dateTime(JsonNode node, String field, String where) {
        JsonNode value = required(node, field, where);
        if (value == null) {
            return;
        }
        try {
            OffsetDateTime.parse(value.asText());
        } catch (RuntimeException e) {
            violations.add(where + "." + field + " is not an RFC 3339 date-time: " + value);
        }
    }
}
