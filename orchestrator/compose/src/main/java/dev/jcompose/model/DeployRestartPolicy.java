package dev.jcompose.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;

/** {@code deploy.restart_policy} (swarm's; a container's own {@code restart:} policy is the engine's {@code RestartPolicy}). */
@JsonInclude(Include.NON_EMPTY)
@JsonPropertyOrder({"condition", "delay", "max_attempts", "window"})
public record DeployRestartPolicy(
        String condition,

        @JsonSerialize(using = DurationJson.Serializer.class) @JsonDeserialize(using = DurationJson.Deserializer.class)
        Duration delay,

        @JsonInclude(Include.NON_NULL) Long maxAttempts,

        @JsonSerialize(using = DurationJson.Serializer.class) @JsonDeserialize(using = DurationJson.Deserializer.class)
        Duration window) {}
