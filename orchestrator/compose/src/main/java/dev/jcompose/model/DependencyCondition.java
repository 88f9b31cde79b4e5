package dev.jcompose.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code condition} of a {@code depends_on} entry, one type from the model through the plan to
 * the engine's wait. It reads and writes as its compose spelling ({@code service_healthy}), in JSON
 * and in plan texts alike.
 */
public enum DependencyCondition {
    SERVICE_STARTED("service_started", "start"),
    SERVICE_HEALTHY("service_healthy", "become healthy"),
    SERVICE_COMPLETED_SUCCESSFULLY("service_completed_successfully", "complete");

    private final String composeName;
    private final String goal;

    DependencyCondition(String composeName, String goal) {
        this.composeName = composeName;
        this.goal = goal;
    }

    /** The spelling in compose files. */
    @JsonValue
    public String composeName() {
        return composeName;
    }

    /** What the dependency has to do, for messages: "did not become healthy within 30s". */
    public String goal() {
        return goal;
    }

    /** The condition spelled {@code text}, if it is one. */
    public static Optional<DependencyCondition> find(String text) {
        return Arrays.stream(values()).filter(c -> c.composeName.equals(text)).findFirst();
    }

    @JsonCreator
    public static DependencyCondition parse(String text) {
        return find(text)
                .orElseThrow(() -> new JcomposeException(
                        "invalid depends_on condition \"" + text + "\"",
                        "use one of "
                                + Arrays.stream(values())
                                        .map(DependencyCondition::composeName)
                                        .collect(Collectors.joining(", ")),
                        ExitCode.COMPOSE_PARSE));
    }

    @Override
    public String toString() {
        return composeName;
    }
}
