package dev.jcompose.container;

import dev.jcompose.state.ContainerState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the engine asks of a container runtime: containers identified by id, each a
 * {@link ContainerRecord} with a lifecycle ({@link ContainerState}). {@link ConmonRuntime} is the real
 * one (runc or crun under conmon); tests use an in-memory one. Both pass the same contract suite
 * ({@code ContainerRuntimeContract} in the test sources), which pins down what this comment says.
 *
 * <p><b>States.</b> {@code create} gives CREATED; {@code start} RUNNING; {@code pause}/{@code unpause}
 * move between RUNNING and PAUSED; the process ending (by itself, {@code kill} or {@code stop}) gives
 * EXITED with its exit code; {@code restart} runs an EXITED container again (RUNNING, one more
 * {@code restartCount}, same id, name and writable layer); {@code delete} removes it. An operation not
 * allowed in the current state ({@link ContainerState#canGo}) throws a {@link ContainerException}
 * "cannot OP container NAME: it is STATE" and changes nothing.
 *
 * <p><b>Exit codes.</b> A process's own exit status, or 128 + the signal number when a signal ended
 * it: {@code stop} sends the stop signal (the service's, else the image's, else SIGTERM), then SIGKILL
 * once the grace period is over, so a container ignoring its stop signal exits with 137; SIGTERM
 * honoured gives 143.
 *
 * <p><b>Unknown and removed containers.</b> After {@code delete} the id is unknown: {@code exists} is
 * false, {@code list} leaves it out, and {@code inspect} and every operation on it throw a
 * {@link ContainerException} "no such container: ID" (with a hint to list containers) — deleting twice
 * fails the second time, so a caller racing another remover checks {@code exists} first. Reads
 * stay lenient: {@code logs} of an unknown id is empty, {@code pid} empty, {@code waitExit} empty
 * after its timeout. Ids are reusable once deleted.
 *
 * <p>Implementations are thread-safe: one engine serves several projects' commands at once.
 */
public interface ContainerRuntime {

    /** Creates the container (state CREATED, not started); its id must be unused. */
    ContainerRecord create(CreateRequest req);

    /** Starts a CREATED container (RUNNING). */
    ContainerRecord start(String id);

    /**
     * Runs an EXITED container again on the same writable layer, as {@code docker start} does: RUNNING,
     * {@code restartCount} one more, its log appended to. Only an EXITED container can restart.
     */
    ContainerRecord restart(String id);

    /** Freezes a RUNNING container (PAUSED). */
    ContainerRecord pause(String id);

    /** Thaws a PAUSED container (RUNNING). */
    ContainerRecord unpause(String id);

    /** Sends a signal (a name like SIGHUP, or a number) to the container's first process; returns at once. */
    void kill(String id, String signal);

    /**
     * Stops the container: the stop signal, then SIGKILL after {@code grace} (null: the service's
     * stop grace period); returns the exit code (137 when SIGKILL ended it). A CREATED container is
     * killed at once. Stopping an EXITED container returns its recorded exit code (-1 if none).
     */
    int stop(String id, Duration grace);

    /** Waits up to {@code timeout} for the container to exit; its exit code, or empty on timeout. */
    Optional<Integer> waitExit(String id, Duration timeout);

    /** Runs a command in a RUNNING container and collects its exit code and output. */
    ExecOutput exec(String id, ExecRequest req);

    /** The exec as a recipe the CLI runs itself (its own stdio, tty, signals); the container must run. */
    ExecRecipe execRecipe(String id, ExecRequest req, boolean tty, boolean detach);

    /** Whether the container exists (it may have been removed by another command). */
    boolean exists(String id);

    /**
     * Where a client attaches to the container's standard streams before it starts: the directory of
     * conmon's attach socket and {@code ctl} fifo (see {@link AttachSocket}).
     */
    Path attachDirectory(String id);

    /** The last {@code tail} log records (all when negative), oldest first, like {@code docker logs --tail}. */
    List<LogLine> logs(String id, int tail);

    /**
     * Streams the log, from its start, until the container has exited and its log is drained
     * ({@code docker logs -f}), or the calling thread is interrupted.
     */
    void followLogs(String id, Consumer<LogLine> sink);

    /** The container's record with its live state (a process that ended meanwhile reads EXITED). */
    ContainerRecord inspect(String id);

    /** Every container with its live state, sorted by id. */
    List<ContainerRecord> list();

    /**
     * Removes the container and everything it holds (process, writable layer, logs). A CREATED or
     * EXITED one is removed as is; a RUNNING or PAUSED one only with {@code force} (stopped at once
     * first), else it is refused.
     */
    void delete(String id, boolean force);

    /**
     * The host pid of the container's first process while it is CREATED, RUNNING or PAUSED, for
     * joining its namespaces ({@code /proc/PID/ns/...}); empty once it exited or is unknown.
     */
    Optional<Long> pid(String id);
}
