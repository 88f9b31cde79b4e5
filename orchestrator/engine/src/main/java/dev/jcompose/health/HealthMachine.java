package dev.jcompose.health;

import dev.jcompose.quantity.GoDuration;
import dev.jcompose.state.Health;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Docker's healthcheck rules for one container, as pure functions: when the next probe runs and
 * what a probe result does to the state. No clock of its own: callers pass the time.
 *
 * <ul>
 *   <li>While still {@code starting} and inside {@code start_period}, probes run every
 *       {@code start_interval}; otherwise every {@code interval}, counted from the end of the
 *       previous probe.</li>
 *   <li>A success makes the container healthy (also inside the start period) and resets the
 *       failing streak.</li>
 *   <li>A failure of a probe that started inside the start period while still starting is logged but
 *       not counted; otherwise it extends the streak, and reaching {@code retries} makes the
 *       container unhealthy.</li>
 * </ul>
 */
public final class HealthMachine {
    private final HealthCheck check;
    private final Instant startedAt;

    public HealthMachine(HealthCheck check, Instant startedAt) {
        this.check = Objects.requireNonNull(check, "check");
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
    }

    public HealthCheck check() {
        return check;
    }

    /** How long to wait, from {@code now}, before the next probe. */
    public Duration nextProbeDelay(HealthState state, Instant now) {
        if (!inStartPeriod(now)) {
            return check.interval();
        }
        return state.status() == Health.STARTING ? check.startInterval() : check.interval();
    }

    /** The state after {@code result}. */
    public HealthState apply(HealthState state, ProbeResult result) {
        List<ProbeResult> log = new ArrayList<>(state.log());
        log.add(result);
        if (log.size() > HealthState.MAX_LOG) {
            log = log.subList(log.size() - HealthState.MAX_LOG, log.size());
        }
        if (result.healthy()) {
            return new HealthState(Health.HEALTHY, 0, log);
        }
        if (state.status() == Health.STARTING && inStartPeriod(result.start())) {
            return new HealthState(state.status(), state.failingStreak(), log);
        }
        int streak = state.failingStreak() + 1;
        Health status = streak >= check.retries() ? Health.UNHEALTHY : state.status();
        return new HealthState(status, streak, log);
    }

    /** The result docker records for a probe that outlived {@code timeout}. */
    public ProbeResult timedOut(Instant start, Instant end) {
        return new ProbeResult(
                start, end, -1, "Health check exceeded timeout (" + GoDuration.format(check.timeout()) + ")");
    }

    /** The result recorded when the probe could not even run (exec failed). */
    public ProbeResult couldNotRun(Instant start, Instant end, Throwable cause) {
        return new ProbeResult(start, end, -1, String.valueOf(cause.getMessage()));
    }

    private boolean inStartPeriod(Instant at) {
        return Duration.between(startedAt, at).compareTo(check.startPeriod()) < 0;
    }
}
