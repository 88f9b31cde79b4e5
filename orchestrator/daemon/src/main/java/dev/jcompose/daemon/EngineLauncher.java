package dev.jcompose.daemon;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Finds the host's engine, starting one when none answers. Safe against concurrent launchers: each
 * may start a process, but only the one that wins {@link EngineLock} serves; the others exit at
 * once and every launcher ends up connected to the winner.
 */
public final class EngineLauncher {
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(10);
    private static final Duration MAX_BACKOFF = Duration.ofMillis(200);
    private static final int MAX_STARTS = 3;

    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    private final EngineDirectory directory;
    private final EngineCommand command;
    private final Duration startTimeout;
    private final Consumer<String> notices;
    /** The build the engine must be: this process's, which {@link EngineCommand#sameJvm} starts. */
    private final EngineInfo ours = EngineInfo.current();

    public EngineLauncher(EngineDirectory directory, EngineCommand command, Duration startTimeout) {
        this(directory, command, startTimeout, System.err::println);
    }

    /** @param notices where the one line saying that an engine of another build was replaced goes */
    public EngineLauncher(
            EngineDirectory directory, EngineCommand command, Duration startTimeout, Consumer<String> notices) {
        this.directory = directory;
        this.command = command;
        this.startTimeout = startTimeout;
        this.notices = notices;
    }

    /**
     * A client connected to a live engine (this host's one) of this build, started if necessary. An
     * idle engine of another build or protocol is stopped and replaced; a busy one is an error.
     */
    public EngineClient ensureRunning() {
        if (directory.ownedByAnotherUser()) {
            return join();
        }
        directory.secure();
        Optional<EngineClient> running = tryConnect();
        if (running.isPresent()) {
            Optional<EngineMismatch> mismatch =
                    EngineMismatch.of(ours, running.get().info());
            if (mismatch.isEmpty()) {
                return running.get();
            }
            replace(running.get(), mismatch.get());
        }
        Process started = start();
        long deadline = System.nanoTime() + startTimeout.toNanos();
        Duration backoff = FIRST_BACKOFF;
        int exits = 0;
        while (System.nanoTime() < deadline) {
            running = tryConnect();
            if (running.isPresent()) {
                return ofThisBuild(running.get());
            }
            if (!started.isAlive()) {
                started = restartIfNobodyServes(started, ++exits);
            }
            pause(backoff);
            backoff = doubled(backoff);
        }
        String holder = EngineLock.recordedPid(directory)
                .map(pid -> " (engine pid " + pid + ")")
                .orElse("");
        throw new JcomposeException(
                "the jcompose engine did not answer on " + directory.socket() + " within " + startTimeout.toSeconds()
                        + "s" + holder,
                "see " + directory.log() + "; if that engine is hung, kill it: containers keep running",
                ExitCode.FAILURE);
    }

    /**
     * A member of the socket group reaching root's engine: it connects, and can neither start nor
     * replace one (that is the administrator's), so each refusal says whom to ask.
     */
    private EngineClient join() {
        directory.joinable();
        Optional<EngineClient> running = tryConnect();
        if (running.isEmpty()) {
            // outside the group, the directory itself is closed: its socket cannot even be seen
            boolean denied = !java.nio.file.Files.isExecutable(directory.path())
                    || (java.nio.file.Files.exists(directory.socket())
                            && !java.nio.file.Files.isWritable(directory.socket()));
            throw new JcomposeException(
                    denied
                            ? "permission denied on the jcompose engine socket " + directory.socket()
                            : "no jcompose engine answers on " + directory.socket()
                                    + ", and only its owner (root) can start one",
                    denied
                            ? "ask an administrator to add you to the socket's group (usermod -aG jcompose USER, then"
                                    + " log in again); that group is root-equivalent"
                            : "ask an administrator to start it: sudo jcompose engine start",
                    ExitCode.FAILURE);
        }
        Optional<EngineMismatch> mismatch =
                EngineMismatch.of(ours, running.get().info());
        if (mismatch.isPresent()) {
            running.get().close();
            throw new JcomposeException(
                    "root's jcompose engine is another build ("
                            + running.get().info().build() + ") than this one (" + ours.build() + ")",
                    "use the same jcompose build, or ask an administrator to restart the engine"
                            + " (sudo jcompose engine stop, then any command as root)",
                    ExitCode.FAILURE);
        }
        return running.get();
    }

    /**
     * Stops the idle engine of another build and waits until it is gone (socket removed, lock
     * released), so that one of this build can start; fails when it is busy.
     */
    private void replace(EngineClient client, EngineMismatch mismatch) {
        try (client) {
            if (!mismatch.idle()) {
                throw mismatch.busy();
            }
            client.call("shutdown", FrameCodec.object().put("ifIdle", true), event -> {}, SHUTDOWN_TIMEOUT);
        } catch (EngineClient.EngineGoneException stoppedAlready) {
            // another CLI of this build asked first: it is going either way
        } catch (JcomposeException refused) {
            throw mismatch.idle() ? mismatch.startedMeanwhile() : refused;
        }
        long deadline = System.nanoTime() + SHUTDOWN_TIMEOUT.toNanos();
        Duration backoff = FIRST_BACKOFF;
        while (java.nio.file.Files.exists(directory.socket()) || EngineLock.isHeld(directory)) {
            if (System.nanoTime() > deadline) {
                throw new JcomposeException(
                        "the jcompose engine of another build (pid "
                                + mismatch.theirs().pid() + ") did not stop within " + SHUTDOWN_TIMEOUT.toSeconds()
                                + "s of being asked to",
                        "see " + directory.log() + "; kill it with: kill "
                                + mismatch.theirs().pid() + " (containers keep running)",
                        ExitCode.FAILURE);
            }
            pause(backoff);
            backoff = doubled(backoff);
        }
        notices.accept(mismatch.notice());
    }

    /** The engine that answered after a start: another build's only if a CLI of that build raced us. */
    private EngineClient ofThisBuild(EngineClient client) {
        Optional<EngineMismatch> mismatch = EngineMismatch.of(ours, client.info());
        if (mismatch.isPresent()) {
            client.close();
            throw mismatch.get().startedMeanwhile();
        }
        return client;
    }

    /**
     * Our engine exited. Exit 0 normally means it lost the lock race: the winner will answer. But an
     * engine can also stop at once (idle shutdown on a loaded host); if nobody holds the lock then,
     * nobody is coming, and we start another one, a bounded number of times.
     */
    private Process restartIfNobodyServes(Process exited, int exits) {
        if (exited.exitValue() != 0) {
            throw new JcomposeException(
                    "the jcompose engine failed to start (exit code " + exited.exitValue() + ")",
                    "see " + directory.log(),
                    ExitCode.FAILURE);
        }
        if (EngineLock.isHeld(directory)) {
            return exited;
        }
        if (exits >= MAX_STARTS) {
            throw new JcomposeException(
                    "the jcompose engine exited right after starting, " + exits + " times",
                    "see " + directory.log(),
                    ExitCode.FAILURE);
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
        // Only while no engine serves: a running engine keeps writing to the file it was started with.
        if (!EngineLock.isHeld(directory)) {
            EngineLog.rotate(directory.log(), EngineLog.MAX_BYTES);
        }
        // Working directory "/": the engine must not pin the CLI's directory (or its mount) for its life.
        ProcessBuilder builder = new ProcessBuilder(command.argv())
                .directory(new File("/"))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.log().toFile()))
                .redirectErrorStream(true);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new JcomposeException(
                    "cannot start the jcompose engine (" + command.argv().getFirst() + "): " + e.getMessage(),
                    "check that the java runtime is still installed",
                    ExitCode.FAILURE,
                    e);
        }
    }

    /** The next backoff: twice the last, at most {@code MAX_BACKOFF}. */
    private static Duration doubled(Duration backoff) {
        Duration twice = backoff.multipliedBy(2);
        return twice.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : twice;
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
