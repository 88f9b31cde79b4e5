package dev.jcompose.health;

import java.time.Instant;
import java.util.Objects;

/** One probe as docker logs it: when it ran, its exit code (0 healthy) and its output. */
public record ProbeResult(Instant start, Instant end, int exitCode, String output) {
    /** Docker keeps at most this much of a probe's output. */
    public static final int MAX_OUTPUT = 4096;

    public ProbeResult {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        output = output == null ? "" : output.length() > MAX_OUTPUT ? output.substring(0, MAX_OUTPUT) : output;
    }

    public boolean healthy() {
        return exitCode == 0;
    }
}
