package dev.jcompose.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.SortedMap;

/** {@code logging}: driver and its options. */
@JsonInclude(Include.NON_EMPTY)
@JsonPropertyOrder({"driver", "options"})
public record Logging(String driver, SortedMap<String, String> options) {
    public Logging {
        options = Copies.map(options);
    }
}
