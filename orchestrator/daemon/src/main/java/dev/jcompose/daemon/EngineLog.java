package dev.jcompose.daemon;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Bounds {@code engine.log}: the launcher appends each engine's output to it, and a host that runs
 * engines for months would grow it without end. Before an engine starts, a log over
 * {@link #MAX_BYTES} becomes {@code engine.log.1} (replacing the previous one), so the directory holds
 * at most about twice that plus what the running engine writes.
 */
public final class EngineLog {
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private EngineLog() {}

    /** {@code engine.log.1} beside {@code log}. */
    public static Path previous(Path log) {
        return log.resolveSibling(log.getFileName() + ".1");
    }

    /** Moves {@code log} to {@link #previous} when it is larger than {@code maxBytes}; whether it did. */
    public static boolean rotate(Path log, long maxBytes) {
        try {
            if (Files.size(log) <= maxBytes) {
                return false;
            }
            Files.move(log, previous(log), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new JcomposeException(
                    "cannot rotate " + log + ": " + e.getMessage(),
                    "check the permissions of " + log.getParent() + ", or remove " + log,
                    ExitCode.FAILURE,
                    e);
        }
    }
}
