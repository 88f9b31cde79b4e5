package dev.jcompose.restart;

import java.time.Duration;
import java.time.Instant;

/** A container's main process ended. The runtime's exit event implements this. */
public interface ContainerExit {
    String containerId();

    int exitCode();

    Instant startedAt();

    Instant finishedAt();

    default Duration ran() {
        return Duration.between(startedAt(), finishedAt());
    }

    static ContainerExit of(String containerId, int exitCode, Instant startedAt, Instant finishedAt) {
        return new Simple(containerId, exitCode, startedAt, finishedAt);
    }

    /** A plain carrier for callers without an event type of their own. */
    record Simple(String containerId, int exitCode, Instant startedAt, Instant finishedAt) implements ContainerExit {}
}
