package dev.jcompose.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/** A resource limit or reservation: CPUs (fractional), memory in bytes, process count. */
@JsonInclude(Include.NON_EMPTY)
@JsonPropertyOrder({"cpus", "memory", "pids", "devices", "generic_resources"})
public record Resource(
        @JsonInclude(Include.NON_DEFAULT) float cpus,

        @JsonInclude(Include.NON_DEFAULT)
        @JsonSerialize(using = ByteSizeJson.Serializer.class)
        @JsonDeserialize(using = ByteSizeJson.Deserializer.class)
        long memory,

        @JsonInclude(Include.NON_DEFAULT) long pids,
        @JsonInclude(Include.NON_NULL) JsonNode devices,
        @JsonInclude(Include.NON_NULL) JsonNode genericResources) {}
