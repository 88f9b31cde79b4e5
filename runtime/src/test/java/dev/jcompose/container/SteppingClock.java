package dev.jcompose.container;

import dev.jcompose.host.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** A deterministic clock for tests: starts at {@code start} and advances by {@code step} at each reading. */
public final class SteppingClock implements Clock {
    private final Instant start;
    private final Duration step;
    private final AtomicLong readings = new AtomicLong();

    public SteppingClock(Instant start, Duration step) {
        this.start = start;
        this.step = step;
    }

    @Override
    public Instant now() {
        return start.plus(step.multipliedBy(readings.getAndIncrement()));
    }

    /** The time elapsed since the start by the readings so far. */
    @Override
    public long nanoTime() {
        return step.multipliedBy(readings.get()).toNanos();
    }
}
