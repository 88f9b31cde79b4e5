package dev.jcompose.daemon;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Finds the host's engine, starting one when none answers. Safe against concurrent launchers: each
 * may start a process, but only the one that wins {@link EngineLock} serves; the others exit at
 * once and every launcher ends up connected to the winner.
 */
public final class EngineLauncher {
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(10);
    private static final Duration MAX_BACKOFF = Duration.ofMillis(200);
    private static final int MAX_STARTS = 3;

    private final EngineDirectory directory;
    private final EngineCommand command;
    private final Duration startTimeout;

    public EngineLauncher(EngineDirectory directory, EngineCommand command, Duration startTimeout) {
        this.directory = directory;
        this.command = command;
        this.startTimeout = startTimeout;
    }

    /** A client connected to a live engine (this host's one), started if necessary. */
    public EngineClient ensureRunning() {
        directory.secure();
        Optional<EngineClient> running = tryConnect();
        if (running.isPresent()) {
            return running.get();
        }
        Process started = start();
        long deadline = System.nanoTime() + startTimeout.toNanos();
        Duration backoff = FIRST_BACKOFF;
        int exits = 0;
        while (System.nanoTime() < deadline) {
            running = tryConnect();
            if (running.isPresent()) {
                return running.get();
            }
            if (!started.isAlive()) {
                started = restartIfNobodyServes(started, ++exits);
            }
            pause(backoff);
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
        String holder = EngineLock.recordedPid(directory).map(pid -> " (engine pid " + pid + ")").orElse("");
        throw new JcomposeException("the jcompose engine did not answer on " + directory.socket() + " within "
                + startTimeout.toSeconds() + "s" + holder,
                "see " + directory.log() + "; if that engine is hung, kill it: containers keep running",
                ExitCode.FAILURE);
    }

    /**
     * Our engine exited. Exit 0 normally means it lost the lock race: the winner will answer. But an
     * engine can also stop at once (idle shutdown on a loaded host); if nobody holds the lock then,
     * nobody is coming, and we start another one, a bounded number of times.
     */
    private Process restartIfNobodyServes(Process exited, int exits) {
        if (exited.exitValue() != 0) {
            throw new JcomposeException("the jcompose engine failed to start (exit code " + exited.exitValue() + ")",
                    "see " + directory.log(), ExitCode.FAILURE);
        }
        if (EngineLock.isHeld(directory)) {
            return exited;
        }
        if (exits >= MAX_STARTS) {
            throw new JcomposeException("the jcompose engine exited right after starting, " + exits + " times",
                    "see " + directory.log(), ExitCode.FAILURE);
        }
        return start();
    }

    private Optional<EngineClient> tryConnect() {
        try {
            return Optional.of(EngineClient.connect(directory));
        } catch (IOException e) {
            return Optional.empty(); // no socket yet, or a stale one left by a killed engine
        }
    }

    private Process start() {
        // Working directory "/": the engine must not pin the CLI's directory (or its mount) for its life.
        ProcessBuilder builder = new ProcessBuilder(command.argv())
                .directory(new File("/"))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.log().toFile()))
                .redirectErrorStream(true);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new JcomposeException("cannot start the jcompose engine (" + command.argv().getFirst() + "): "
                    + e.getMessage(), "check that the java runtime is still installed", ExitCode.FAILURE, e);
        }
    }

    /** Backoff between connection attempts; the condition itself is polled, never assumed. */
    private static void pause(Duration backoff) {
        try {
            Thread.sleep(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JcomposeException("interrupted while starting the jcompose engine", null, ExitCode.CANCELED, e);
        }
    }
}
