package dev.jcompose.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One process of a running container as {@code top} shows it, with {@code ps -ef}'s columns (what
 * docker's top prints): its effective user (a name where the host knows one, else the number),
 * pid and parent pid on the host, CPU use over its life in percent, start time, controlling
 * terminal ({@code ?} for none), CPU time used and command line. The CLI formats the times.
 */
public record ContainerProcess(
        String user,
        long pid,
        long ppid,
        int cpuPercent,
        Instant started,
        String tty,
        Duration cpuTime,
        String command) {
    public ContainerProcess {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(started, "started");
        tty = tty == null || tty.isEmpty() ? "?" : tty;
        cpuTime = cpuTime == null ? Duration.ZERO : cpuTime;
        command = command == null ? "" : command;
    }
}
