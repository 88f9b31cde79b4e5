package dev.jcompose.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;

/** A service's reference to a top-level secret or config ({@code FileReferenceConfig}). */
@JsonInclude(Include.NON_EMPTY)
@JsonPropertyOrder({"source", "target", "uid", "gid", "mode"})
public record FileReference(
        String source,
        String target,
        String uid,
        String gid,

        @JsonInclude(Include.NON_NULL)
        @JsonSerialize(using = FileMode.Serializer.class)
        @JsonDeserialize(using = FileMode.Deserializer.class)
        Integer mode,

        @JsonAnySetter @JsonAnyGetter Map<String, Object> extensions) {
    public FileReference {
        extensions = Copies.extensions(extensions);
    }
}
