package dev.jcompose.execute;

import dev.jcompose.state.ContainerState;
import dev.jcompose.state.Health;
import java.util.Objects;

/**
 * What a dependency wait needs to know about one container of a service: whether it was started
 * ({@code CREATED}, {@code RUNNING} or {@code EXITED}), how it exited, and its health.
 *
 * @param health {@link Health#NONE} when the container has no healthcheck configured
 */
public record ContainerStatus(String name, ContainerState state, int exitCode, Health health) {
    public ContainerStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        health = health == null ? Health.NONE : health;
    }

    public static ContainerStatus created(String name) {
        return new ContainerStatus(name, ContainerState.CREATED, 0, Health.NONE);
    }

    public static ContainerStatus running(String name, Health health) {
        return new ContainerStatus(name, ContainerState.RUNNING, 0, health);
    }

    public static ContainerStatus exited(String name, int exitCode) {
        return new ContainerStatus(name, ContainerState.EXITED, exitCode, Health.NONE);
    }
}
