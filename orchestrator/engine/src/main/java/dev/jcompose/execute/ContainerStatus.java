package dev.jcompose.execute;

import dev.jcompose.health.HealthStatus;
import java.util.Objects;

/**
 * What a dependency wait needs to know about one container of a service.
 *
 * @param health {@code null} when the container has no healthcheck configured
 */
public record ContainerStatus(String name, Phase phase, int exitCode, HealthStatus health) {
    public enum Phase {
        CREATED,
        RUNNING,
        EXITED
    }

    public ContainerStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phase, "phase");
    }

    public static ContainerStatus running(String name, HealthStatus health) {
        return new ContainerStatus(name, Phase.RUNNING, 0, health);
    }

    public static ContainerStatus exited(String name, int exitCode) {
        return new ContainerStatus(name, Phase.EXITED, exitCode, null);
    }
}
