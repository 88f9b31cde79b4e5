package dev.jcompose.api;

import dev.jcompose.model.Project;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The compose commands on a running stack, modelled on docker compose's {@code api.Service}: plain
 * records in, records and {@link StackEvent}s out, so the CLI can call it in process and the daemon
 * can serve it over its socket. Methods block the calling thread (never the engine loop) until the
 * command is done; failures are {@link dev.jcompose.JcomposeException}s.
 */
public interface ComposeService {
    /** Creates and starts what the project needs; returns once started (with {@code wait}: healthy). */
    void up(Project project, UpOptions options, StackListener listener);

    /**
     * Stops and removes the project's containers, networks and (with {@code -v}) volumes. Without the
     * project's model, what the labels say belongs to {@code projectName} is removed.
     */
    void down(String projectName, Optional<Project> project, DownOptions options, StackListener listener);

    /**
     * Ties the project to a process (replacing an earlier lease): when the process is gone, the engine
     * takes the project down with its volumes after the lease's grace period, also an engine started
     * after it died. {@link #down} ends the lease. Taken before {@code up}, so a process killed during
     * {@code up} leaves nothing behind either.
     */
    void lease(String projectName, ProjectLease lease);

    /**
     * The project's service containers (running or paused; stopped ones too with {@code all}), by
     * service then number; never the one-offs of {@code run} ({@link #oneOffs}).
     */
    List<ContainerSummary> ps(String projectName, boolean all);

    /** The project's one-off ({@code run}) containers, running or not, by service then name. */
    List<ContainerSummary> oneOffs(String projectName);

    /** Log lines of the selected services' containers; with {@code follow}, until they exit. */
    void logs(String projectName, LogOptions options, Consumer<LogRecord> sink);

    /**
     * The project's container events (of the services; all when empty) as they happen, until the
     * calling thread is interrupted (then a {@link StackException}), like {@code logs -f}.
     */
    void events(String projectName, List<String> services, Consumer<ContainerEvent> sink);

    /**
     * {@link #events(String, List, Consumer)} that runs {@code subscribed} once the engine listens: every
     * event after that is delivered, so a caller may read the state then and wait for events instead of
     * polling. This default cannot tell and runs it at once.
     */
    default void events(String projectName, List<String> services, Runnable subscribed, Consumer<ContainerEvent> sink) {
        subscribed.run();
        events(projectName, services, sink);
    }

    /**
     * A one-off container of a service ({@code run}): dependencies first unless {@code noDeps}; attached
     * (not {@code detach}), its output goes to {@code output} and the call returns at its exit.
     */
    RunOutcome run(Project project, RunOptions options, StackListener listener, Consumer<LogRecord> output);

    /**
     * {@code run} attached through conmon's socket, step 1: dependencies first unless {@code noDeps},
     * then the one-off created with {@code options.stdin()}/{@code tty()} and NOT started, so that
     * the caller can attach before the first byte of output.
     */
    OneOffAttach createOneOff(Project project, RunOptions options, StackListener listener);

    /**
     * Step 2: starts the one-off, returns its exit code once it exited (and, with {@code remove}, was
     * removed). Interrupting the call stops the one-off (and removes it with {@code remove}).
     */
    int startOneOff(String projectName, String container, boolean remove, StackListener listener);

    /** Runs a command in the container and collects its output (the Java fixture API; no stdin, no tty). */
    ExecOutcome exec(String projectName, ExecOptions options);

    /**
     * The exec as a recipe the caller runs itself, with its own standard streams (the CLI: stdin,
     * a terminal, signals, live output); {@code tty} gives the process a pseudo-TTY, {@code detach}
     * makes the runtime return once it started. Fails if the container does not run.
     */
    dev.jcompose.container.ExecRecipe execRecipe(String projectName, ExecOptions options, boolean tty, boolean detach);

    void start(String projectName, List<String> services, StackListener listener);

    void stop(String projectName, List<String> services, Duration timeout, StackListener listener);

    void restart(String projectName, List<String> services, Duration timeout, StackListener listener);

    void kill(String projectName, List<String> services, String signal, StackListener listener);

    void pause(String projectName, List<String> services, StackListener listener);

    void unpause(String projectName, List<String> services, StackListener listener);

    /** Removes stopped containers of the services (all when empty); {@code volumes}: their anonymous volumes too. */
    void rm(String projectName, List<String> services, boolean volumes, StackListener listener);

    /**
     * Where a container port is published ({@code 127.0.0.1:8080} once printed), empty if not
     * published; fails when the service's replica {@code index} is not running.
     */
    Optional<PortBinding> port(String projectName, String service, int index, int privatePort, String protocol);

    /** The processes of each running container of the services, by container name. */
    java.util.SortedMap<String, List<ContainerProcess>> top(String projectName, List<String> services);

    /** The images the containers of the services (all when empty) use, by service then number. */
    List<ContainerImage> images(String projectName, List<String> services);

    /** Pulls the services' images (all when empty). */
    void pull(Project project, List<String> services, StackListener listener);

    /**
     * Builds the images of the selected services that have a build section (every one such when
     * none is named), concurrently, each stored under its image name and {@code build.tags}.
     */
    void build(Project project, BuildOptions options, StackListener listener);

    /**
     * Pushes the images of the services that build one and name it ({@code build:} and {@code image:},
     * plus {@code build.tags}), as docker compose does; other services are reported {@code Skipped}.
     */
    void push(Project project, PushOptions options, StackListener listener);

    /**
     * Copies {@code changes} ({@code develop.watch} sync) into every running container of the service,
     * in order; a container path never leads out of the container's root file system.
     */
    void sync(String projectName, String service, List<FileSync> changes);
}
