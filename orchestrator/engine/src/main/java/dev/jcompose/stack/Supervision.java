package dev.jcompose.stack;

import dev.jcompose.api.StackEvent;
import dev.jcompose.api.StackException;
import dev.jcompose.api.StackListener;
import dev.jcompose.container.ContainerRecord;
import dev.jcompose.container.ExecRequest;
import dev.jcompose.engine.EngineContext;
import dev.jcompose.execute.ContainerStatus;
import dev.jcompose.health.HealthCheck;
import dev.jcompose.health.HealthEvent;
import dev.jcompose.health.HealthMonitor;
import dev.jcompose.health.HealthState;
import dev.jcompose.health.Prober;
import dev.jcompose.host.Clock;
import dev.jcompose.restart.ContainerExit;
import dev.jcompose.restart.RestartEvent;
import dev.jcompose.restart.RestartPolicy;
import dev.jcompose.restart.RestartSupervisor;
import dev.jcompose.state.ContainerState;
import dev.jcompose.state.Health;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live half of the engine, all on the engine loop: per-project {@link ContainerBoard}s, health
 * monitors (probes are execs), restart supervision driven by exits, and the exit poll (a Vert.x
 * periodic timer whose reads of the runtime's exit files run through {@code blocking}).
 */
final class Supervision {
    static final Duration EXIT_POLL = Duration.ofMillis(200);

    /**
     * A container the engine knows; {@code started} is when the runtime started its current run (what a
     * saved health belongs to), null for one not running.
     */
    private record Tracked(
            String id, String project, String service, String name, List<String> healthArgv, Instant started) {
        Tracked(ContainerRecord rec, ContainerExtras x) {
            this(rec.id(), x.project(), x.service(), rec.name(), x.healthArgv(), null);
        }
    }

    private final EngineContext engine;
    private final Containers containers;
    private final Clock clock;
    private final HealthMonitor health;
    private final RestartSupervisor restarts;
    private final Map<String, ContainerBoard> boards = new HashMap<>();
    private final Map<String, Tracked> running = new HashMap<>();
    private final Map<String, Tracked> known = new HashMap<>();
    /** A command's listener hears its project; an {@code events} subscription may be engine-wide. */
    private final ProjectListeners listeners = new ProjectListeners();
    /** Containers being stopped by a command: out of the exit poll, whose inspect could race their removal. */
    private final Map<String, Tracked> stopping = new HashMap<>();
    /** Per container: the health write in flight. */
    private final Map<String, Future<?>> healthWrites = new HashMap<>();

    private long pollTimer = -1;
    private boolean polling;
    private Future<?> poll = Future.succeededFuture();

    Supervision(EngineContext engine, Containers containers, Clock clock) {
        this.engine = engine;
        this.containers = containers;
        this.clock = clock;
        this.health = new HealthMonitor(engine, engine.scheduler(), clock, this::probe, this::onHealth);
        this.restarts = new RestartSupervisor(engine, engine.scheduler(), this::restart, this::onRestartEvent);
    }

    ContainerBoard board(String project) {
        engine.checkInLoop();
        return boards.computeIfAbsent(project, p -> new ContainerBoard(engine));
    }

    /** {@code project}: the events of that project only; empty: every event (engine-wide). */
    void addListener(Optional<String> project, StackListener l) {
        engine.checkInLoop();
        listeners.add(project, l);
    }

    void removeListener(Optional<String> project, StackListener l) {
        engine.checkInLoop();
        listeners.remove(project, l);
    }

    /** Tells the listeners of the event's project (and the engine-wide ones). */
    void emit(StackEvent e) {
        listeners.emit(e);
    }

    /** The health the engine tracks for a container (any thread: hops onto the loop). */
    Health healthOf(String id) {
        return healthState(id).map(HealthState::status).orElse(Health.NONE);
    }

    /**
     * The container's health with its last probes, as {@code ps} reports both; empty without a
     * healthcheck (any thread: one hop onto the loop).
     */
    Optional<HealthState> healthState(String id) {
        if (!engine.inLoop()) {
            return engine.await(engine.call(() -> healthState(id)), Duration.ofSeconds(30));
        }
        return health.state(id);
    }

    /**
     * The state {@code ps} reports for a container the runtime says is {@code runtimeState}: as
     * docker, restarting while its restart policy will start it again (until it runs), and running until the
     * engine has seen its exit (and decided on a restart), so no one reads a restart-bound exit as
     * final (any thread: hops onto the loop).
     */
    ContainerState reportedState(String id, ContainerState runtimeState) {
        if (runtimeState != ContainerState.EXITED && runtimeState != ContainerState.CREATED) {
            return runtimeState;
        }
        if (!engine.inLoop()) {
            return engine.await(engine.call(() -> reportedState(id, runtimeState)), Duration.ofSeconds(30));
        }
        if (restarts.restartPending(id)) {
            return ContainerState.RESTARTING; // also while the restart goes through created
        }
        return runtimeState == ContainerState.EXITED && running.containsKey(id) ? ContainerState.RUNNING : runtimeState;
    }

    /** Whether the restart policy will start the exited container again (any thread: hops onto the loop). */
    boolean restartPending(String id) {
        if (!engine.inLoop()) {
            return engine.await(engine.call(() -> restartPending(id)), Duration.ofSeconds(30));
        }
        return restarts.restartPending(id);
    }

    void created(ContainerRecord rec, ContainerExtras x) {
        engine.checkInLoop();
        known.put(rec.id(), new Tracked(rec, x));
        board(x.project()).put(rec.id(), x.service(), ContainerStatus.created(rec.name()));
    }

    /** The user (or up) started it: supervision starts afresh. */
    void started(ContainerRecord rec, ContainerExtras x) {
        engine.checkInLoop();
        restarts.supervise(rec.id(), RestartPolicy.parse(x.restart()));
        running(rec, x, rec.started() == null ? clock.now() : rec.started(), Optional.empty());
    }

    private void running(ContainerRecord rec, ContainerExtras x, Instant startedAt, Optional<HealthState> resumed) {
        Tracked t = new Tracked(rec.id(), x.project(), x.service(), rec.name(), x.healthArgv(), rec.started());
        known.put(rec.id(), t);
        running.put(rec.id(), t);
        Health h = Health.NONE;
        if (x.healthArgv() != null) {
            HealthState from = resumed.orElse(HealthState.initial());
            health.watch(
                    rec.id(),
                    new HealthCheck(
                            x.healthInterval(),
                            x.healthTimeout(),
                            x.healthRetries(),
                            x.healthStartPeriod(),
                            x.healthStartInterval()),
                    startedAt,
                    from);
            h = from.status();
        }
        board(x.project()).put(rec.id(), x.service(), ContainerStatus.running(rec.name(), h));
        ensurePolling();
    }

    /**
     * A container found on the host when a command begins: the engine adopts it (board, health,
     * restart policy) unless it already knows it.
     */
    void adopt(ContainerRecord rec, ContainerExtras x) {
        adopt(rec, x, Optional.empty(), RestartMemory.FRESH);
    }

    /**
     * {@code last}: the health an earlier engine saved for the container, resumed if it is of this run;
     * {@code memory}: what the restart policy remembers of it. An exited container gets its policy applied
     * as dockerd applies it when it starts: one that exited while no engine watched it is restarted.
     */
    void adopt(ContainerRecord rec, ContainerExtras x, Optional<LastHealth> last, RestartMemory memory) {
        engine.checkInLoop();
        if (known.containsKey(rec.id())) {
            return;
        }
        RestartPolicy policy = RestartPolicy.parse(x.restart());
        switch (rec.state()) {
            case RUNNING, PAUSED -> {
                restarts.supervise(rec.id(), policy, memory.restartCount());
                Instant started = rec.started() == null ? clock.now() : rec.started();
                running(rec, x, started, last.flatMap(l -> l.resume(rec.started())));
            }
            case CREATED -> created(rec, x);
            case EXITED, RESTARTING, REMOVING, DEAD -> {
                known.put(rec.id(), new Tracked(rec, x));
                board(x.project())
                        .put(
                                rec.id(),
                                x.service(),
                                ContainerStatus.exited(rec.name(), rec.exitCode() == null ? -1 : rec.exitCode()));
                if (rec.state() == ContainerState.EXITED && rec.exitCode() != null && rec.started() != null) {
                    Instant finished = rec.finished() == null ? clock.now() : rec.finished();
                    restarts.adopt(
                            ContainerExit.of(rec.id(), rec.exitCode(), rec.started(), finished),
                            policy,
                            memory.restartCount(),
                            memory.stoppedByUser());
                }
            }
        }
    }

    /** The user is stopping it: the exit that follows must not restart it. */
    void stopping(String id) {
        engine.checkInLoop();
        restarts.userStopped(id);
        Tracked t = running.remove(id);
        if (t != null) {
            stopping.put(id, t);
        }
    }

    /** Completes when no exit poll is reading the runtime: removals wait for it. */
    Future<?> quiet() {
        engine.checkInLoop();
        return poll.transform(done -> Future.succeededFuture());
    }

    /** {@link #exited(String, int, Instant, Instant)} stamped now, by the engine's clock. */
    void exitedNow(String id, int code, Instant startedAt) {
        exited(id, code, startedAt, clock.now());
    }

    void exited(String id, int code, Instant startedAt, Instant finishedAt) {
        exited(id, code, startedAt, finishedAt, true);
    }

    /**
     * The exit of a stopped container that the command removes next: its published ports go with its
     * endpoint then, so they are not released first (that was one more rules change per container,
     * under the network lock the other removals wait for).
     */
    void exitedBeforeRemoval(String id, int code) {
        exited(id, code, null, clock.now(), false);
    }

    private void exited(String id, int code, Instant startedAt, Instant finishedAt, boolean releasePorts) {
        engine.checkInLoop();
        Tracked t = running.remove(id);
        Tracked stopped = stopping.remove(id);
        t = t == null ? stopped : t;
        if (t == null) {
            return;
        }
        health.unwatch(id);
        // an exited container no longer answers to its names nor holds its published ports (docker drops them too)
        engine.blocking(() -> {
            containers.unregisterDns(id);
            if (releasePorts) {
                containers.releasePortsIfExited(id);
            }
            return null;
        });
        emit(new StackEvent("Container", t.name(), "Exited", "(" + code + ")", t.project()));
        board(t.project()).put(id, t.service(), ContainerStatus.exited(t.name(), code));
        restarts.onExit(ContainerExit.of(id, code, startedAt == null ? finishedAt : startedAt, finishedAt));
    }

    void removed(String id) {
        engine.checkInLoop();
        running.remove(id);
        stopping.remove(id);
        Tracked t = known.remove(id);
        health.unwatch(id);
        restarts.forget(id);
        if (t != null) {
            board(t.project()).remove(id);
        }
    }

    private Future<Prober.ProbeOutput> probe(String id, Duration timeout) {
        Tracked t = running.get(id);
        if (t == null || t.healthArgv() == null) {
            return Future.failedFuture(new StackException("container " + id + " is not running", null));
        }
        List<String> argv = t.healthArgv();
        return engine.blocking(() -> {
            var r = containers.runtime().exec(id, new ExecRequest(argv, Map.of(), null, null));
            return new Prober.ProbeOutput(r.exitCode(), r.stdout() + r.stderr());
        });
    }

    private void onHealth(HealthEvent e) {
        Tracked t = running.get(e.containerId());
        if (t == null) {
            return;
        }
        String status = switch (e.to()) {
            case HEALTHY -> "Healthy";
            case UNHEALTHY -> "Unhealthy";
            case STARTING, NONE -> "Starting"; // NONE: never, a check runs
        };
        // the event first: the board change may start dependents right away, on this same loop turn
        emit(StackEvent.container(t.name(), status).of(t.project()));
        board(t.project()).health(e.containerId(), e.to());
        remember(e, t.started());
    }

    /** Saves the new health for the next engine; one container's writes are chained so the last one wins. */
    private void remember(HealthEvent e, Instant started) {
        LastHealth last = new LastHealth(e.to(), e.state().failingStreak(), started);
        Future<?> previous = healthWrites.getOrDefault(e.containerId(), Future.succeededFuture());
        Future<?> next = previous.transform(done -> engine.blocking(() -> {
            containers.files().saveHealth(e.containerId(), last);
            return null;
        }));
        healthWrites.put(e.containerId(), next);
        next.onComplete(done -> {
            if (healthWrites.get(e.containerId()) == next) {
                healthWrites.remove(e.containerId());
            }
        });
    }

    private Future<?> restart(String id) {
        Tracked t = known.get(id);
        int count = restarts.restartCount(id).orElse(0);
        return engine.blocking(() -> {
                    ContainerRecord rec = containers.restartByPolicy(id, count);
                    return new Object[] {rec, containers.files().extras(id).orElseThrow()};
                })
                .map(pair -> {
                    ContainerRecord rec = (ContainerRecord) pair[0];
                    ContainerExtras x = (ContainerExtras) pair[1];
                    running(rec, x, rec.started() == null ? clock.now() : rec.started(), Optional.empty());
                    if (t != null) {
                        emit(StackEvent.container(t.name(), "Restarted").of(t.project()));
                    }
                    return null;
                });
    }

    private void onRestartEvent(RestartEvent e) {
        Tracked t = known.get(e.containerId());
        if (t != null && e instanceof RestartEvent.RestartFailed f) {
            emit(new StackEvent(
                    "Container",
                    t.name(),
                    "Error",
                    "restart failed: " + f.cause().getMessage(),
                    t.project()));
        }
    }

    private void ensurePolling() {
        if (pollTimer == -1) {
            pollTimer = engine.vertx().setPeriodic(EXIT_POLL.toMillis(), id -> poll());
        }
    }

    /** Reads the exit state of every running container off the loop; one poll in flight at a time. */
    private void poll() {
        if (polling || running.isEmpty()) {
            return;
        }
        polling = true;
        List<String> ids = new ArrayList<>(running.keySet());
        poll = engine.blocking(() -> {
                    List<ContainerRecord> exited = new ArrayList<>();
                    for (String id : ids) {
                        try {
                            ContainerRecord r = containers.runtime().inspect(id);
                            if (r.state() == ContainerState.EXITED) {
                                exited.add(r);
                            }
                        } catch (RuntimeException gone) {
                            // removed meanwhile: its remove step tells the loop
                        }
                    }
                    return exited;
                })
                .onComplete(done -> {
                    polling = false;
                    if (done.succeeded()) {
                        for (ContainerRecord r : done.result()) {
                            if (!running.containsKey(r.id())) {
                                continue; // a command took it over while the poll ran
                            }
                            exited(
                                    r.id(),
                                    r.exitCode() == null ? -1 : r.exitCode(),
                                    r.started(),
                                    r.finished() == null ? clock.now() : r.finished());
                        }
                    }
                });
    }

    Optional<ContainerStatus> status(String project, String id) {
        return board(project).status(id);
    }

    void close() {
        engine.checkInLoop();
        if (pollTimer != -1) {
            engine.vertx().cancelTimer(pollTimer);
            pollTimer = -1;
        }
        new ArrayList<>(known.keySet()).forEach(id -> {
            health.unwatch(id);
            restarts.forget(id);
        });
    }
}
