package dev.jcompose.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Waits for conmon's exit file ({@code exitDir/<id>}, holding the exit code) with a deadline.
 * A directory watch wakes the waiter when the file appears; the file is re-checked after every
 * wake-up or every 50 ms, so a missed event only costs latency.
 */
final class ExitWatcher {
    private ExitWatcher() {}

    static Optional<Integer> read(Path exitFile) {
        try {
            String s = Files.exists(exitFile) ? Files.readString(exitFile).strip() : "";
            return s.matches("-?\\d+") ? Optional.of(Integer.parseInt(s)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * When the container exited: conmon writes the exit file once, at the exit, so its modification
     * time is the exit time even when nobody looked for hours (an engine that was down).
     */
    static Optional<java.time.Instant> exitedAt(Path exitFile) {
        try {
            return Optional.of(Files.getLastModifiedTime(exitFile).toInstant());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static Optional<Integer> await(Path exitFile, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (WatchService ws = FileSystems.getDefault().newWatchService()) {
            Files.createDirectories(exitFile.getParent());
            exitFile.getParent()
                    .register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            while (true) {
                Optional<Integer> code = read(exitFile);
                long left = deadline - System.nanoTime();
                if (code.isPresent() || left <= 0) {
                    return code;
                }
                var key = ws.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
            return read(exitFile);
        }
    }

    /**
     * Waits until the process is gone or a zombie (e.g. conmon after writing the exit file). A zombie
     * counts as gone: conmon is re-parented to init, and how soon init reaps it is not ours to wait for.
     */
    static boolean awaitGone(long pid, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!running(pid)) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
        }
    }

    /**
     * The process's start time (clock ticks after boot, field 22 of /proc/PID/stat): with the pid, it names
     * one process even after the pid is reused.
     */
    static OptionalLong startTime(long pid) {
        return stat(pid).map(f -> OptionalLong.of(Long.parseLong(f[19]))).orElse(OptionalLong.empty());
    }

    /**
     * The fields of /proc/PID/stat after the command name (the state first), read once; empty when the
     * process is gone. The name is skipped by its last ')': it may hold spaces and parentheses.
     */
    private static java.util.Optional<String[]> stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return java.util.Optional.of(
                    stat.substring(stat.lastIndexOf(')') + 2).split(" "));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Waits until the process that started at {@code startTime} is reaped (no longer in /proc, or its pid
     * taken by another process), polling with a backoff from 1 to 20 ms. An exited process stays a zombie
     * until its parent waits for it: for a double-forked conmon that is init, whose pace is not ours.
     */
    static boolean awaitReaped(long pid, long startTime, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 1_000_000;
        while (startTime(pid).orElse(-1) == startTime) {
            reapIfZombie(pid, startTime);
            if (System.nanoTime() > deadline) {
                return false;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, 20_000_000);
        }
        return true;
    }

    /**
     * Reaps the process if it is an exited child of this one (the engine, a {@link Subreaper}, is the
     * parent of the conmons it started). Only a zombie that started at {@code startTime}: a zombie's pid
     * cannot be reused until it is reaped, so this never takes the exit status of another child (one the
     * JDK waits for). For a process that is not our child, waitpid fails with ECHILD and nothing changes.
     */
    static void reapIfZombie(long pid, long startTime) {
        stat(pid).filter(f -> Long.parseLong(f[19]) == startTime).ifPresent(f -> reap(pid, f));
    }

    /** {@link #reapIfZombie(long, long)} for a pid a conmon pid file names, whatever its start time. */
    static void reapIfZombie(long pid) {
        stat(pid).ifPresent(f -> reap(pid, f));
    }

    private static void reap(long pid, String[] stat) {
        if (stat[0].equals("Z")) {
            // not our child (a conmon init adopted): ECHILD, and nothing changes
            jnr.posix.POSIXFactory.getNativePOSIX().waitpid(pid, new int[1], WNOHANG);
        }
    }

    private static final int WNOHANG = 1;

    /**
     * The parent pid (field 4 of /proc/PID/stat) of a process that runs; empty when it is gone, a zombie
     * or dead. One read of /proc gives both, so the two cannot describe different processes.
     */
    static OptionalLong runningParent(long pid) {
        return stat(pid)
                .filter(f -> !f[0].equals("Z") && !f[0].equals("X"))
                .map(f -> OptionalLong.of(Long.parseLong(f[1])))
                .orElse(OptionalLong.empty());
    }

    /** True while /proc shows the process in a state other than zombie/dead. */
    static boolean running(long pid) {
        return stat(pid).map(f -> !f[0].equals("Z") && !f[0].equals("X")).orElse(false);
    }
}
