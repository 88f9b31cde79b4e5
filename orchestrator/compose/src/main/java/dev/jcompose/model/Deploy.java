package dev.jcompose.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.SortedMap;

/**
 * {@code deploy}. {@code resources} and {@code placement} are Go structs, not pointers, so compose-go
 * always writes them, as {@code {}} when empty; the records keep that shape.
 */
@JsonInclude(Include.NON_EMPTY)
@JsonPropertyOrder({
    "mode",
    "replicas",
    "labels",
    "update_config",
    "rollback_config",
    "resources",
    "restart_policy",
    "placement",
    "endpoint_mode"
})
public record Deploy(
        String mode,
        @JsonInclude(Include.NON_NULL) Integer replicas,
        SortedMap<String, String> labels,
        @JsonInclude(Include.NON_NULL) JsonNode updateConfig,
        @JsonInclude(Include.NON_NULL) JsonNode rollbackConfig,
        @JsonInclude(Include.ALWAYS) Resources resources,
        @JsonInclude(Include.NON_NULL) DeployRestartPolicy restartPolicy,
        @JsonInclude(Include.ALWAYS) JsonNode placement,
        String endpointMode) {
    public Deploy {
        labels = Copies.map(labels);
        resources = resources == null ? Resources.NONE : resources;
        placement = placement == null || placement.isNull() ? JsonNodeFactory.instance.objectNode() : placement;
    }
}
