package dev.jcompose.host;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The machine's process table, as far as leases need it: whether a process still runs. A pid alone
 * is not an identity (the kernel reuses pids), so a process is named by its pid and its start time.
 */
public interface ProcessTable {
    /** Start times read by two JVMs can differ by rounding; a reused pid starts much later than this. */
    Duration START_TOLERANCE = Duration.ofSeconds(1);

    /** When the process {@code pid} started; empty when no such process runs (or it is a zombie). */
    Optional<Instant> startOf(long pid);

    /** Whether the process that started at {@code start} with {@code pid} still runs. */
    default boolean alive(long pid, Instant start) {
        return startOf(pid)
                .map(s -> Duration.between(s, start).abs().compareTo(START_TOLERANCE) <= 0)
                .orElse(false);
    }

    /** The real one: the JDK's view of /proc. */
    static ProcessTable system() {
        return pid -> ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .flatMap(p -> p.info().startInstant());
    }
}
