package com.connekz.pipeline.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.connekz.pipeline.run.RunContext;
import com.connekz.pipeline.run.SourceCounts;
import com.connekz.pipeline.run.StageResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.openlineage.client.OpenLineageClientUtils;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every connekz_* facet an event carries has a schema in the jar, and conforms to it. */
class CustomFacetSchemasTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    @TempDir
    Path dir;

    @Test
    void theCustomFacetsOfACompleteEventConformToTheirShippedSchemas() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Map.Entry<String, JsonNode> facet : customFacets(completeEvent())) {
            assertThat(violations(facet.getKey(), facet.getValue())).as(facet.getKey()).isEmpty();
            checked.add(facet.getKey());
        }
        assertThat(checked).contains("connekz_run", "connekz_redaction_policy", "connekz_counts",
                "connekz_consent_snapshot", "connekz_delta");
    }

    @Test
    void aFacetThatBreaksItsSchemaIsCaught() throws Exception {
        ObjectNode counts = (ObjectNode) completeEvent().at("/run/facets/connekz_counts");
        ((ObjectNode) counts.at("/sources/chats")).put("used", -1);
        counts.remove("_producer");

        assertThat(violations("connekz_counts", counts)).hasSizeGreaterThanOrEqualTo(2);
    }

    private JsonNode completeEvent() throws Exception {
        RunContext context = LineageTestRuns.nightly(dir, Map.of());
        StageResult result = StageResult.builder("govern")
                .input("bronze/consent", 2).input("bronze/accounts", 1).output("silver/chats", 5)
                .source("chats", SourceCounts.governed(3, Map.of("withdrawn", 1L)))
                .metric("redacted_PERSON", 2)
                .build();
        return JSON.readTree(OpenLineageClientUtils.toJson(new StageEvents("test").completed(context, result)));
    }

    private static List<Map.Entry<String, JsonNode>> customFacets(JsonNode event) {
        List<Map.Entry<String, JsonNode>> facets = new ArrayList<>();
        List<JsonNode> holders = new ArrayList<>(List.of(event.at("/run/facets")));
        event.get("inputs").forEach(d -> holders.add(d.get("facets")));
        event.get("outputs").forEach(d -> holders.add(d.get("facets")));
        for (JsonNode holder : holders) {
            holder.properties().stream().filter(f -> f.getKey().startsWith("connekz_")).forEach(facets::add);
        }
        return facets;
    }

    /** Validates {@code {key: facet}} against the schema its {@code _schemaURL} names, as facet schemas are written. */
    private static Set<ValidationMessage> violations(String key, JsonNode facet) throws Exception {
        String definition = schemaDefinition(facet);
        try (InputStream in = CustomFacet.class.getResourceAsStream(CustomFacet.SCHEMA_RESOURCES + definition + ".json")) {
            assertThat(in).as("schema of " + key).isNotNull();
            JsonSchema schema = SCHEMAS.getSchema(in);
            return schema.validate(JSON.createObjectNode().set(key, facet));
        }
    }

    /** {@code .../facets/1-0-0/ConnekzCountsRunFacet.json#/$defs/ConnekzCountsRunFacet} names {@code ConnekzCountsRunFacet}. */
    private static String schemaDefinition(JsonNode facet) {
        String url = facet.get("_schemaURL").asText();
        assertThat(url).startsWith(CustomFacet.SCHEMA_BASE);
        String file = url.substring(CustomFacet.SCHEMA_BASE.length(), url.indexOf('#'));
        assertThat(url).endsWith("#/$defs/" + file.replace(".json", ""));
        return file.replace(".json", "");
    }
}
