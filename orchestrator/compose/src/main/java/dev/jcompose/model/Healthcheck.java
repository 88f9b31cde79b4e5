package dev.jcompose.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@code healthcheck}: durations are {@code null} when not set (the image's value applies). */
@JsonInclude(Include.NON_EMPTY)
@JsonPropertyOrder({"test", "timeout", "interval", "retries", "start_period", "start_interval", "disable"})
public record Healthcheck(
        List<String> test,

        @JsonSerialize(using = DurationJson.Serializer.class) @JsonDeserialize(using = DurationJson.Deserializer.class)
        Duration timeout,

        @JsonSerialize(using = DurationJson.Serializer.class) @JsonDeserialize(using = DurationJson.Deserializer.class)
        Duration interval,

        @JsonInclude(Include.NON_NULL) Long retries,

        @JsonSerialize(using = DurationJson.Serializer.class) @JsonDeserialize(using = DurationJson.Deserializer.class)
        Duration startPeriod,

        @JsonSerialize(using = DurationJson.Serializer.class) @JsonDeserialize(using = DurationJson.Deserializer.class)
        Duration startInterval,

        @JsonInclude(Include.NON_DEFAULT) boolean disable,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> extensions) {
    public Healthcheck {
        test = Copies.list(test);
        extensions = Copies.extensions(extensions);
    }

    /** True when the check is switched off, by {@code disable: true} or by {@code test: ["NONE"]}. */
    public boolean disabled() {
        return disable || (!test.isEmpty() && test.getFirst().equals("NONE"));
    }
}
