package dev.jcompose.progress;

import dev.jcompose.host.Clock;
import java.time.Duration;
import java.time.Instant;

/** A clock that moves only when told to. */
final class FakeClock implements Clock {
    private Instant now = Instant.parse("2026-11-23T02:00:00Z");
    private long nanos = 1_000_000_000L;

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    synchronized void advanceMillis(long millis) {
        now = now.plus(Duration.ofMillis(millis));
        nanos += millis * 1_000_000L;
    }
}
