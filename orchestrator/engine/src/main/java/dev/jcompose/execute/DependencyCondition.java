package dev.jcompose.execute;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The {@code condition} of a long-form {@code depends_on} entry. */
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
    public String composeName() {
        return composeName;
    }

    /** What the dependency has to do, for messages: "did not become healthy within 30s". */
    String goal() {
        return goal;
    }

    public static DependencyCondition parse(String text) {
        return Arrays.stream(values())
                .filter(c -> c.composeName.equals(text))
                .findFirst()
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
