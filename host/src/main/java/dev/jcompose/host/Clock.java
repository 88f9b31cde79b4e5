package dev.jcompose.host;

import java.time.Instant;

/** Time as a seam, so timeouts, backoffs and timestamps are testable without sleeping. */
public interface Clock {
    Instant now();

    /** Monotonic nanoseconds, for measuring durations. */
    long nanoTime();

    static Clock system() {
        return new Clock() {
            @Override
            public Instant now() {
                return Instant.now();
            }

            @Override
            public long nanoTime() {
                return System.nanoTime();
            }
        };
    }
}
