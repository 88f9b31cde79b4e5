package dev.jcompose.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code ulimits} entry. compose-go writes a single value as a bare number and a soft/hard pair as
 * an object (zero members omitted).
 */
public record Ulimit(long single, long soft, long hard) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Ulimit fromJson(JsonNode node) {
        if (node.isNumber()) {
            return new Ulimit(node.asLong(), 0, 0);
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("a ulimit is a number or an object with soft and hard");
        }
        return new Ulimit(0, node.path("soft").asLong(), node.path("hard").asLong());
    }

    @JsonValue
    Object toJson() {
        if (single != 0) {
            return single;
        }
        Map<String, Long> m = new LinkedHashMap<>();
        if (soft != 0) {
            m.put("soft", soft);
        }
        if (hard != 0) {
            m.put("hard", hard);
        }
        return m;
    }

    /** The soft limit the kernel gets: the single value when only one was given. */
    public long effectiveSoft() {
        return single != 0 ? single : soft;
    }

    public long effectiveHard() {
        return single != 0 ? single : hard;
    }
}
