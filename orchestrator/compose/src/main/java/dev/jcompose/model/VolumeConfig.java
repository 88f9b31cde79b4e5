package dev.jcompose.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.SortedMap;

/** A top-level volume. */
@JsonInclude(Include.NON_EMPTY)
@JsonPropertyOrder({"name", "driver", "driver_opts", "external", "labels"})
public record VolumeConfig(
        String name,
        String driver,
        SortedMap<String, String> driverOpts,
        @JsonInclude(Include.NON_DEFAULT) boolean external,
        SortedMap<String, String> labels,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extensions) {
    public VolumeConfig {
        driverOpts = Copies.map(driverOpts);
        labels = Copies.map(labels);
        extensions = Copies.extensions(extensions);
    }

    /** A volume known only by its name, as existing resources describe it. */
    public static VolumeConfig named(String name) {
        return new VolumeConfig(name, null, null, false, null, null);
    }
}
