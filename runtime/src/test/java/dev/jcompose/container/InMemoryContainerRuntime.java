package dev.jcompose.container;

import dev.jcompose.host.Clock;
import dev.jcompose.rootfs.OverlayMount;
import dev.jcompose.rootfs.Snapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A {@link ContainerRuntime} in memory, for testing the engine without root: containers are records
 * in a map, and each one's process is a {@link ScriptedProcess} chosen when it is created (by
 * {@link #script}, else the default one). Nothing runs: what a process prints, when it exits and what
 * its execs return is what the script and the test say ({@link #exit}, {@link #print}). It passes the
 * same contract suite as the real runtime ({@code InMemoryContainerRuntimeContractTest}).
 *
 * <p>Deterministic and thread-safe: every operation holds this object's monitor; {@link #waitExit} and
 * {@link #followLogs} wait on it (woken by the change they wait for, never by polling). A stop's grace
 * period does not pass in real time: a process ignoring its stop signal is killed at once (137). A
 * container has a fake pid, unique in this runtime, while it is created, running or paused.
 */
public final class InMemoryContainerRuntime implements ContainerRuntime {
    /** The default clock: starts at a fixed instant and advances one second per reading. */
    public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private final Clock clock;
    private final Path root;
    private final ScriptedProcess defaultScript;
    private final Map<String, Container> containers = new TreeMap<>();
    private final List<Map.Entry<Predicate<CreateRequest>, ScriptedProcess>> scripts = new ArrayList<>();
    private final Map<String, RuntimeException> failures = new HashMap<>();
    private final List<String> operations = new ArrayList<>();
    private long nextPid = 1000;

    /** A container and its process; guarded by the runtime's monitor. */
    private static final class Container {
        ContainerRecord rec;
        ScriptedProcess script;
        final long pid;
        final List<LogLine> log = new ArrayList<>();
        final List<String> pendingSignals = new ArrayList<>(); // sent while paused: delivered on thaw

        Container(ContainerRecord rec, ScriptedProcess script, long pid) {
            this.rec = rec;
            this.script = script;
            this.pid = pid;
        }
    }

    /** Processes run until signalled; a deterministic clock; attach directories under /nonexistent. */
    public InMemoryContainerRuntime() {
        this(steppingClock(), Path.of("/nonexistent/jcompose-in-memory"), ScriptedProcess.running());
    }

    /**
     * @param root          where the (never created) attach directories and writable layers would be
     * @param defaultScript the process of a container no {@link #script} matches
     */
    public InMemoryContainerRuntime(Clock clock, Path root, ScriptedProcess defaultScript) {
        this.clock = clock;
        this.root = root;
        this.defaultScript = defaultScript;
    }

    // ---- scripting and observation (the test's side) ----

    /** Containers created from now on whose request matches get {@code process} (the first match wins). */
    public synchronized InMemoryContainerRuntime script(Predicate<CreateRequest> which, ScriptedProcess process) {
        scripts.add(Map.entry(which, process));
        return this;
    }

    /** Containers created from now on with this name get {@code process}. */
    public InMemoryContainerRuntime scriptNamed(String name, ScriptedProcess process) {
        return script(r -> r.name().equals(name), process);
    }

    /** Replaces the process script of an existing container (from its next start, and for its execs now). */
    public synchronized void rescript(String id, ScriptedProcess process) {
        require(id).script = process;
    }

    /** The container's process exits by itself with {@code code}; it must be running. */
    public synchronized void exit(String id, int code) {
        Container c = require(id);
        if (c.rec.state() != ContainerState.RUNNING) {
            throw new IllegalStateException(
                    c.rec.name() + " is " + c.rec.state().lower() + ", not running");
        }
        exited(c, code);
    }

    /** The container's process writes a line; it must not be removed. */
    public synchronized void print(String id, LogLine.Stream stream, String text) {
        append(require(id), stream, text);
    }

    /** The next call of {@code operation} (a method name: "create", "start", ...) throws {@code failure}. */
    public synchronized void failNext(String operation, RuntimeException failure) {
        failures.put(operation, failure);
    }

    /** What was done, in order: "create NAME", "start NAME", "kill NAME SIGNAL", "exec NAME ARGS", ... */
    public synchronized List<String> operations() {
        return List.copyOf(operations);
    }

    // ---- the runtime ----

    @Override
    public synchronized ContainerRecord create(CreateRequest req) {
        fail("create");
        if (containers.containsKey(req.id())) {
            throw new ContainerException("container id " + req.id() + " is already in use", "remove it first");
        }
        ContainerRecord rec = new ContainerRecord(
                req.id(),
                req.name(),
                req.labels(),
                req.configHash(),
                req.image(),
                req.spec(),
                rootfs(req),
                "/in-memory/" + req.id(),
                "in-memory",
                "in-memory",
                clock.now(),
                ContainerState.CREATED,
                null,
                null,
                null,
                req.imageRef(),
                0);
        containers.put(req.id(), new Container(rec, scriptFor(req), nextPid++));
        done("create", rec);
        return rec;
    }

    @Override
    public synchronized ContainerRecord start(String id) {
        fail("start");
        Container c = transition(id, "start", ContainerState.RUNNING);
        c.rec = c.rec.with(ContainerState.RUNNING, clock.now(), null, null);
        done("start", c.rec);
        return run(c);
    }

    @Override
    public synchronized ContainerRecord restart(String id) {
        fail("restart");
        Container c = transition(id, "start", ContainerState.CREATED); // only EXITED goes back to CREATED
        c.rec = c.rec.restarted(clock.now());
        done("restart", c.rec);
        return run(c);
    }

    @Override
    public synchronized ContainerRecord pause(String id) {
        fail("pause");
        Container c = transition(id, "pause", ContainerState.PAUSED);
        c.rec = c.rec.with(ContainerState.PAUSED, c.rec.started(), null, null);
        done("pause", c.rec);
        return c.rec;
    }

    @Override
    public synchronized ContainerRecord unpause(String id) {
        fail("unpause");
        Container c = transition(id, "unpause", ContainerState.RUNNING);
        if (c.rec.state() != ContainerState.PAUSED) {
            throw ContainerException.illegal("unpause", c.rec, c.rec.state());
        }
        c.rec = c.rec.with(ContainerState.RUNNING, c.rec.started(), null, null);
        ContainerRecord thawed = c.rec;
        done("unpause", thawed);
        List<String> pending = List.copyOf(c.pendingSignals);
        c.pendingSignals.clear();
        pending.forEach(s -> signal(c, s));
        return thawed;
    }

    @Override
    public synchronized void kill(String id, String signal) {
        fail("kill");
        Container c = transition(id, "kill", ContainerState.EXITED);
        String name = ScriptedProcess.signalName(signal);
        operations.add("kill " + c.rec.name() + " " + name);
        signal(c, name);
    }

    @Override
    public synchronized int stop(String id, Duration grace) {
        fail("stop");
        Container c = require(id);
        if (c.rec.state() == ContainerState.EXITED) {
            return c.rec.exitCode() == null ? -1 : c.rec.exitCode();
        }
        transition(id, "stop", ContainerState.EXITED);
        operations.add("stop " + c.rec.name());
        if (c.rec.state() == ContainerState.CREATED) {
            exited(c, 137);
        } else {
            if (c.rec.state() == ContainerState.PAUSED) {
                c.rec = c.rec.with(ContainerState.RUNNING, c.rec.started(), null, null);
            }
            signal(c, c.rec.stopSignal());
            if (c.rec.state() != ContainerState.EXITED) {
                exited(c, 137); // the grace period is over at once: nothing runs in real time here
            }
        }
        return c.rec.exitCode();
    }

    @Override
    public synchronized Optional<Integer> waitExit(String id, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Container c = containers.get(id);
            if (c != null && c.rec.state() == ContainerState.EXITED) {
                return Optional.ofNullable(c.rec.exitCode());
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || !await(left)) {
                return Optional.empty();
            }
        }
    }

    @Override
    public synchronized ExecResult exec(String id, ExecRequest req) {
        fail("exec");
        Container c = running(id);
        operations.add("exec " + c.rec.name() + " " + String.join(" ", req.args()));
        return c.script.exec(req);
    }

    @Override
    public synchronized ExecRecipe execRecipe(String id, ExecRequest req, boolean tty, boolean detach) {
        fail("execRecipe");
        Container c = running(id);
        return new ExecRecipe(
                "in-memory",
                root.resolve("runtime").toString(),
                id,
                c.rec.name(),
                "{\"args\":" + req.args().stream().map(a -> "\"" + a + "\"").toList() + "}",
                root.resolve("containers").resolve(id).toString(),
                tty && !detach,
                detach);
    }

    @Override
    public synchronized boolean exists(String id) {
        return containers.containsKey(id);
    }

    @Override
    public Path attachDirectory(String id) {
        return root.resolve("containers").resolve(id).resolve("attach");
    }

    @Override
    public synchronized List<LogLine> logs(String id, int tail) {
        Container c = containers.get(id);
        List<LogLine> all = c == null ? List.of() : c.log;
        return List.copyOf(tail >= 0 && all.size() > tail ? all.subList(all.size() - tail, all.size()) : all);
    }

    /** Emits outside the monitor, so a slow sink holds nothing up. */
    @Override
    public void followLogs(String id, Consumer<LogLine> sink) {
        int next = 0;
        while (true) {
            List<LogLine> batch;
            boolean last;
            synchronized (this) {
                Container c;
                while ((c = containers.get(id)) != null
                        && c.log.size() == next
                        && c.rec.state() != ContainerState.EXITED) {
                    if (!await(Long.MAX_VALUE)) {
                        return;
                    }
                }
                if (c == null) {
                    return;
                }
                batch = List.copyOf(c.log.subList(next, c.log.size()));
                last = c.rec.state() == ContainerState.EXITED;
            }
            batch.forEach(sink);
            next += batch.size();
            if (last && batch.isEmpty()) {
                return;
            }
        }
    }

    @Override
    public synchronized ContainerRecord inspect(String id) {
        return require(id).rec;
    }

    @Override
    public synchronized List<ContainerRecord> list() {
        return containers.values().stream().map(c -> c.rec).toList();
    }

    @Override
    public synchronized void delete(String id, boolean force) {
        fail("delete");
        Container c = require(id);
        if (c.rec.state() != ContainerState.EXITED && c.rec.state() != ContainerState.CREATED) {
            if (!force) {
                throw ContainerException.illegal("remove", c.rec, c.rec.state());
            }
            stop(id, Duration.ZERO);
        }
        containers.remove(id);
        operations.add("delete " + c.rec.name());
        notifyAll();
    }

    @Override
    public synchronized Optional<Long> pid(String id) {
        Container c = containers.get(id);
        return c == null || c.rec.state() == ContainerState.EXITED ? Optional.empty() : Optional.of(c.pid);
    }

    // ---- the process model ----

    /** Prints the script's output, then exits if the script says so; returns the record as started. */
    private ContainerRecord run(Container c) {
        ContainerRecord started = c.rec;
        c.script.output().forEach(o -> append(c, o.stream(), o.text()));
        if (c.script.exitCode() != null) {
            exited(c, c.script.exitCode());
        }
        return started;
    }

    private void signal(Container c, String signal) {
        if (c.rec.state() == ContainerState.PAUSED && !signal.equals("SIGKILL")) {
            c.pendingSignals.add(signal); // a frozen process handles it once thawed
            return;
        }
        if (c.rec.state() == ContainerState.CREATED) {
            exited(c, ScriptedProcess.terminatedBy(signal)); // no handler installed yet: the default action
            return;
        }
        c.script.onSignal(signal).ifPresent(code -> exited(c, code));
    }

    private void exited(Container c, int code) {
        c.rec = c.rec.with(ContainerState.EXITED, c.rec.started(), clock.now(), code);
        c.pendingSignals.clear();
        operations.add("exited " + c.rec.name() + " " + code);
        notifyAll();
    }

    private void append(Container c, LogLine.Stream stream, String text) {
        c.log.add(new LogLine(clock.now(), stream, text));
        notifyAll();
    }

    // ---- helpers ----

    private ScriptedProcess scriptFor(CreateRequest req) {
        return scripts.stream()
                .filter(e -> e.getKey().test(req))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(defaultScript);
    }

    private OverlayMount rootfs(CreateRequest req) {
        Path dir = root.resolve("containers").resolve(req.id());
        List<Snapshot> layers = req.layers();
        if (!layers.isEmpty()) {
            return OverlayMount.forContainer(req.snapshotsRoot(), layers, dir);
        }
        return new OverlayMount(
                root.resolve("snapshots"),
                List.of("l/empty"),
                dir.resolve("upper"),
                dir.resolve("work"),
                dir.resolve("rootfs"));
    }

    private Container require(String id) {
        Container c = containers.get(id);
        if (c == null) {
            throw ContainerException.noSuch(id);
        }
        return c;
    }

    private Container transition(String id, String op, ContainerState to) {
        Container c = require(id);
        if (!c.rec.state().canGo(to)) {
            throw ContainerException.illegal(op, c.rec, c.rec.state());
        }
        return c;
    }

    private Container running(String id) {
        Container c = require(id);
        if (c.rec.state() != ContainerState.RUNNING) {
            throw ContainerException.illegal("exec in", c.rec, c.rec.state());
        }
        return c;
    }

    private void fail(String operation) {
        RuntimeException f = failures.remove(operation);
        if (f != null) {
            throw f;
        }
    }

    private void done(String operation, ContainerRecord rec) {
        operations.add(operation + " " + rec.name());
    }

    /** Waits on the monitor up to {@code nanos}; false if interrupted (the flag is set again). */
    private boolean await(long nanos) {
        try {
            if (nanos == Long.MAX_VALUE) {
                wait();
            } else {
                wait(Math.max(1, nanos / 1_000_000), 0);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Clock steppingClock() {
        return new Clock() {
            private final java.util.concurrent.atomic.AtomicLong ticks = new java.util.concurrent.atomic.AtomicLong();

            @Override
            public Instant now() {
                return EPOCH.plusSeconds(ticks.getAndIncrement());
            }

            @Override
            public long nanoTime() {
                return ticks.get() * 1_000_000_000L;
            }
        };
    }
}
