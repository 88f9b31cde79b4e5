package dev.jcompose.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One {@code depends_on} entry: wait for {@code condition}; {@code required: false} tolerates absence. */
@JsonInclude(Include.NON_EMPTY)
@JsonPropertyOrder({"condition", "restart", "required"})
public record ServiceDependency(
        DependencyCondition condition,
        @JsonInclude(Include.NON_DEFAULT) boolean restart,
        @JsonInclude(Include.ALWAYS) boolean required) {}
