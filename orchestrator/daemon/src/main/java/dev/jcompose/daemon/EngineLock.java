package dev.jcompose.daemon;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The one-engine-per-host guarantee: an fcntl lock on {@code engine.lock} held for the engine's
 * whole life. The kernel drops it when the process dies, even by SIGKILL, so a stale pid or socket
 * file never blocks the next engine. The lock file itself is never deleted: deleting it would let
 * two engines lock two different inodes.
 */
public final class EngineLock implements AutoCloseable {
    private final EngineDirectory directory;
    private final FileChannel channel;
    private final FileLock lock;

    private EngineLock(EngineDirectory directory, FileChannel channel, FileLock lock) {
        this.directory = directory;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock with our pid file written, or empty when another live engine holds it. */
    public static Optional<EngineLock> tryAcquire(EngineDirectory directory) {
        try {
            FileChannel channel =
                    FileChannel.open(directory.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this very JVM holds it (in-process tests)
            }
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            Files.writeString(directory.pidFile(), ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
            return Optional.of(new EngineLock(directory, channel, lock));
        } catch (IOException e) {
            throw new JcomposeException(
                    "cannot lock " + directory.lock() + ": " + e.getMessage(),
                    "check the permissions of " + directory.path(),
                    ExitCode.FAILURE,
                    e);
        }
    }

    /** Whether a live engine holds the lock right now (probed without writing the pid file). */
    public static boolean isHeld(EngineDirectory directory) {
        try (FileChannel channel =
                FileChannel.open(directory.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock probe = channel.tryLock();
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            throw new JcomposeException(
                    "cannot probe " + directory.lock() + ": " + e.getMessage(),
                    "check the permissions of " + directory.path(),
                    ExitCode.FAILURE,
                    e);
        }
    }

    /** The pid recorded by the engine that holds (or last held) the lock, if readable. */
    public static Optional<Long> recordedPid(EngineDirectory directory) {
        try {
            return Optional.of(
                    Long.parseLong(Files.readString(directory.pidFile()).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(directory.pidFile());
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new JcomposeException(
                    "cannot release " + directory.lock() + ": " + e.getMessage(), null, ExitCode.FAILURE, e);
        }
    }
}
