package com.connekz.pipeline.lineage;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.openlineage.client.OpenLineage;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A facet of our own (prefixed {@code connekz_}), usable on runs and on datasets. It carries the
 * {@code _producer} and {@code _schemaURL} the OpenLineage spec requires of every facet; the schema
 * URL names the facet's own definition, shipped in the jar under {@link #SCHEMA_RESOURCES}.
 */
@JsonPropertyOrder({"_producer", "_schemaURL"})
public final class CustomFacet implements OpenLineage.RunFacet, OpenLineage.DatasetFacet {
    static final String SCHEMA_BASE = "https://connekz.com/training-data-pipeline/spec/facets/1-0-0/";
    /** Classpath folder of the facets' JSON schemas, one {@code <definition>.json} each. */
    public static final String SCHEMA_RESOURCES = "/openlineage/facets/";

    private final URI producer;
    private final URI schemaUrl;
    private final Map<String, Object> fields;

    /**
     * @param definition the facet's schema definition name, e.g. {@code ConnekzCountsRunFacet}
     * @param fields     the facet's own fields, serialized beside {@code _producer} and {@code _schemaURL}
     */
    public CustomFacet(URI producer, String definition, Map<String, ?> fields) {
        this.producer = producer;
        this.schemaUrl = URI.create(SCHEMA_BASE + definition + ".json#/$defs/" + definition);
        this.fields = new LinkedHashMap<>(fields);
    }

    @Override
    @JsonProperty("_producer")
    public URI get_producer() {
        return producer;
    }

    @Override
    @JsonProperty("_schemaURL")
    public URI get_schemaURL() {
        return schemaUrl;
    }

    /** Never a deletion marker: these facets always describe what a run did. */
    @Override
    @JsonIgnore
    public Boolean get_deleted() {
        return null;
    }

    @Override
    @JsonAnyGetter
    public Map<String, Object> getAdditionalProperties() {
        return fields;
    }
}
