package dev.jcompose.stack;

import dev.jcompose.health.HealthState;
import dev.jcompose.state.Health;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A container's health as the engine last saw it, kept beside the container ({@code health.json}) so an
 * engine that replaces a killed or older one reports "healthy" at once instead of "starting" until its
 * first probe passes, as dockerd keeps health across a restart. {@code started} ties it to one run of
 * the container: after a restart the saved health is stale.
 */
public record LastHealth(Health status, int failingStreak, Instant started) {
    /** The state to resume from, when this health belongs to the run that started at {@code started}. */
    Optional<HealthState> resume(Instant containerStarted) {
        if (started == null || !started.equals(containerStarted)) {
            return Optional.empty();
        }
        return Optional.of(new HealthState(status, failingStreak, List.of()));
    }
}
