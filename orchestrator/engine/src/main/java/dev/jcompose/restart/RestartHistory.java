package dev.jcompose.restart;

import java.time.Duration;

/**
 * What the restart rules remember about a container between exits.
 *
 * @param restartCount restarts so far (docker's RestartCount)
 * @param lastDelay the previous backoff delay, {@link Duration#ZERO} before the first
 */
public record RestartHistory(int restartCount, Duration lastDelay) {
    public static final RestartHistory FRESH = new RestartHistory(0, Duration.ZERO);
}
