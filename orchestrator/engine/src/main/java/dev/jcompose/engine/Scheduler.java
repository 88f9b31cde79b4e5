package dev.jcompose.engine;

import java.time.Duration;

/**
 * Timers as a seam, so health probes, restart backoffs and timeouts are testable without sleeping.
 * Implementations fire tasks on the engine loop; callers call it from the engine loop.
 */
public interface Scheduler {
    /** Runs {@code task} once after {@code delay}; returns an id for {@link #cancel(long)}. */
    long setTimer(Duration delay, Runnable task);

    /** Cancels a timer; unknown or already fired ids are ignored. */
    void cancel(long timerId);
}
