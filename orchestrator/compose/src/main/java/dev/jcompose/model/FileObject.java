package dev.jcompose.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.SortedMap;

/**
 * A top-level secret or config ({@code FileObjectConfig}): its content comes from a file, an
 * environment variable or inline {@code content}.
 */
@JsonInclude(Include.NON_EMPTY)
@JsonPropertyOrder({
    "name",
    "file",
    "environment",
    "content",
    "external",
    "labels",
    "driver",
    "driver_opts",
    "template_driver"
})
public record FileObject(
        String name,
        String file,
        String environment,
        String content,
        @JsonInclude(Include.NON_DEFAULT) boolean external,
        SortedMap<String, String> labels,
        String driver,
        SortedMap<String, String> driverOpts,
        String templateDriver,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extensions) {
    public FileObject {
        labels = Copies.map(labels);
        driverOpts = Copies.map(driverOpts);
        extensions = Copies.extensions(extensions);
    }
}
