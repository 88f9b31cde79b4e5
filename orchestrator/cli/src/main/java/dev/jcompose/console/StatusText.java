package dev.jcompose.console;

import dev.jcompose.quantity.HumanDuration;
import dev.jcompose.state.Health;
import java.time.Duration;
import java.time.Instant;

/** docker's human STATUS column: {@code Up 5 seconds (healthy)}, {@code Exited (3) 2 minutes ago}... */
public final class StatusText {
    private StatusText() {}

    public static String of(ContainerView c, Instant now) {
        return switch (c.state()) {
            case RUNNING -> "Up " + since(c.startedAt(), now) + health(c.health());
            case PAUSED -> "Up " + since(c.startedAt(), now) + " (Paused)";
            case RESTARTING -> "Restarting (" + c.exitCode() + ") " + ago(c.finishedAt(), now);
            case REMOVING -> "Removal In Progress";
            case DEAD -> "Dead";
            case CREATED -> "Created";
            case EXITED -> exited(c, now);
        };
    }

    /** Like docker: never started reads {@code Created}; no finish time reads as nothing. */
    private static String exited(ContainerView c, Instant now) {
        if (c.startedAt() == null) {
            return "Created";
        }
        if (c.finishedAt() == null) {
            return "";
        }
        return "Exited (" + c.exitCode() + ") " + ago(c.finishedAt(), now);
    }

    /** {@code 2 minutes ago}: the CREATED column. */
    public static String ago(Instant then, Instant now) {
        return since(then, now) + " ago";
    }

    private static String since(Instant then, Instant now) {
        Duration d = then == null ? Duration.ZERO : Duration.between(then, now);
        return HumanDuration.format(d.isNegative() ? Duration.ZERO : d);
    }

    private static String health(Health health) {
        return switch (health) {
            case NONE -> "";
            case STARTING -> " (health: starting)";
            case HEALTHY -> " (healthy)";
            case UNHEALTHY -> " (unhealthy)";
        };
    }
}
