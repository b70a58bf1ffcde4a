package com.connekz.pipeline.redact.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One line of a labelled set: a text and its gold entities, offsets in Unicode code points, end
 * exclusive (the format the generator writes its labels in).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LabelledText(@JsonProperty("text") String text, @JsonProperty("entities") List<Span> entities) {
    public LabelledText {
        entities = entities == null ? List.of() : List.copyOf(entities);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Span(@JsonProperty("type") String type, @JsonProperty("start") int start, @JsonProperty("end") int end) {}
}
