package com.connekz.pipeline.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class OpenLineageSpecChecksTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode conforming() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"eventType":"START","eventTime":"2026-11-25T14:00:00.123Z",
                 "producer":"https://example.org/p","schemaURL":"https://example.org/s#/$defs/RunEvent",
                 "run":{"runId":"3f1c2a4e-8b9d-4c1e-9f00-123456789abc",
                        "facets":{"f":{"_producer":"https://example.org/p","_schemaURL":"https://example.org/f"}}},
                 "job":{"namespace":"n","name":"j"},
                 "inputs":[{"namespace":"lake","name":"bronze/chats"}],"outputs":[]}
                """);
    }

    @Test
    void aConformingEventHasNoViolations() throws Exception {
        assertThat(OpenLineageSpecChecks.violations(conforming())).isEmpty();
    }

    @Test
    void reportsMissingAndMalformedRequiredFields() throws Exception {
        ObjectNode event = conforming();
        event.remove("producer");
        event.put("eventType", "DONE");
        ((ObjectNode) event.get("run")).put("runId", "20261125T140000Z-3f9a1c");
        ((ObjectNode) event.at("/run/facets/f")).remove("_schemaURL");
        ((ObjectNode) event.at("/inputs/0")).remove("namespace");

        assertThat(OpenLineageSpecChecks.violations(event)).containsExactlyInAnyOrder(
                "event.producer is required",
                "eventType not in the spec's enum: \"DONE\"",
                "run.runId is not a UUID: \"20261125T140000Z-3f9a1c\"",
                "run.facets.f._schemaURL is required",
                "inputs[0].namespace is required");
    }
}
