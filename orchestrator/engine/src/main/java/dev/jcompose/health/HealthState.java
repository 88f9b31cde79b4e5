package dev.jcompose.health;

import dev.jcompose.state.Health;
import java.util.List;

/**
 * A container's health as {@code docker inspect} reports it: the status, how many probes in a row
 * failed, and the last {@link #MAX_LOG} probes, oldest first.
 */
public record HealthState(Health status, int failingStreak, List<ProbeResult> log) {
    public static final int MAX_LOG = 5;

    public HealthState {
        log = List.copyOf(log);
    }

    public static HealthState initial() {
        return new HealthState(Health.STARTING, 0, List.of());
    }
}
