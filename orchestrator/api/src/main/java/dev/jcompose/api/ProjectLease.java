package dev.jcompose.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A process that holds a project (a test JVM's fixture): once that process is gone for {@code grace},
 * the engine takes the project down with its volumes, as {@code down -v --remove-orphans} would. The
 * process is named by pid and start time, since the kernel reuses pids.
 *
 * @param ownerPid   the holding process
 * @param ownerStart when it started, as {@link ProcessHandle.Info#startInstant()} says
 * @param grace      how long it may be missing before the project goes
 */
public record ProjectLease(long ownerPid, Instant ownerStart, Duration grace) {
    public ProjectLease {
        Objects.requireNonNull(ownerStart, "ownerStart");
        Objects.requireNonNull(grace, "grace");
        if (ownerPid <= 0) {
            throw new StackException(
                    "a lease needs the owner's pid, got " + ownerPid, "pass the holding process's pid");
        }
        if (grace.isNegative()) {
            throw new StackException("a lease's grace period cannot be negative: " + grace, "pass zero or more");
        }
    }
}
