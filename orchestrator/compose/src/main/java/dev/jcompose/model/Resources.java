package dev.jcompose.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** {@code deploy.resources}; either side may be absent. */
@JsonInclude(Include.NON_NULL)
@JsonPropertyOrder({"limits", "reservations"})
public record Resources(Resource limits, Resource reservations) {
    public static final Resources NONE = new Resources(null, null);
}
