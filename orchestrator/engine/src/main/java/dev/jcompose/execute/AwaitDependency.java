package dev.jcompose.execute;

import dev.jcompose.model.DependencyCondition;
import dev.jcompose.quantity.GoDuration;
import java.time.Duration;
import java.util.Objects;

/**
 * A plan operation: wait until {@code service} meets {@code condition}. Planners put one before
 * each dependent's start; the runner hands it to {@link DependencyWait#await(AwaitDependency)}.
 */
public record AwaitDependency(String service, DependencyCondition condition, Duration timeout) {
    public AwaitDependency {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(timeout, "timeout");
    }

    /** Stable text for golden plans: {@code await db service_healthy within 1m0s}. */
    @Override
    public String toString() {
        return "await " + service + " " + condition + " within " + GoDuration.format(timeout);
    }
}
