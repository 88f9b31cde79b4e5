package dev.jcompose.container;

import dev.jcompose.host.HostPaths;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jnr.ffi.LibraryLoader;

/**
 * conmon double-forks, so its process is an orphan from the start, and the kernel hands its exit to
 * the nearest "child subreaper" among its ancestors, else to init. Init's pace is not ours (this VM's
 * init reaps every 2 s), and removing a container waits until its conmon is reaped. The engine
 * process makes itself a subreaper at start, so the conmons it starts are its own to reap, at once
 * ({@link ExitWatcher#awaitReaped}, and a sweep for those of containers that exited and stay, which
 * a restart or {@code stop} leaves). Without it (a CLI running a stack in process) init reaps them.
 */
public final class Subreaper {
    private static final int PR_SET_CHILD_SUBREAPER = 36;

    /** The one libc call used, bound with jnr-ffi (on the class path through jnr-posix). */
    public interface LibC {
        int prctl(int option, long arg2, long arg3, long arg4, long arg5);
    }

    private Subreaper() {}

    private static final Duration SWEEP = Duration.ofMillis(500);

    /**
     * Makes this process the reaper of its orphaned descendants, and starts the sweep that reaps the
     * exited conmons of {@code paths}' containers; false (and no sweep) where the kernel refuses.
     */
    public static boolean become(HostPaths paths) {
        try {
            if (LibraryLoader.create(LibC.class).load("c").prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0) {
                return false;
            }
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
        Path containers = paths.runRoot().resolve("containers");
        Thread.ofPlatform().daemon().name("jcompose-conmon-reaper").start(() -> {
            while (true) {
                sweep(containers);
                java.util.concurrent.locks.LockSupport.parkNanos(SWEEP.toNanos());
            }
        });
        return true;
    }

    /**
     * Reaps the exited conmon of each container that has one: only pids its conmon pid file names (the
     * long-lived conmon, never the short first process the JDK started and waits for itself).
     */
    static void sweep(Path containers) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(containers)) {
            for (Path dir : dirs) {
                ConmonRuntime.readPid(dir.resolve("conmon.pid")).ifPresent(ExitWatcher::reapIfZombie);
            }
        } catch (IOException | RuntimeException e) {
            // no containers yet, or one removed meanwhile: the next sweep looks again
        }
    }
}
