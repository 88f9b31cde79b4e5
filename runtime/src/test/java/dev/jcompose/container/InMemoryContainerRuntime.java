package dev.jcompose.container;

import dev.jcompose.host.Clock;
import dev.jcompose.oci.BundleWriter;
import dev.jcompose.rootfs.OverlayMount;
import dev.jcompose.state.ContainerState;
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
 * container has a fake pid, unique in this runtime, while it is created, running or paused. Nothing is
 * written to disk: attach directories and writable layers are paths under {@code root} that do not exist.
 */
public final class InMemoryContainerRuntime implements ContainerRuntime {
    /** Where the default clock starts; it advances one second per reading. */
    public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private final Clock clock;
    private final Path root;
    private final ScriptedProcess defaultScript;
    private final Map<String, FakeContainer> containers = new TreeMap<>();
    private final List<Map.Entry<Predicate<CreateRequest>, ScriptedProcess>> scripts = new ArrayList<>();
    private final Map<String, RuntimeException> failures = new HashMap<>();
    private final List<String> operations = new ArrayList<>();
    private long nextPid = 1000;

    /** Processes run until a signal ends them; a {@link SteppingClock} from {@link #EPOCH}. */
    public InMemoryContainerRuntime() {
        this(
                new SteppingClock(EPOCH, Duration.ofSeconds(1)),
                Path.of("/nonexistent/jcompose-in-memory"),
                ScriptedProcess.running());
    }

    /**
     * @param root          under which the (never created) attach directories and writable layers are
     * @param defaultScript the process of a container no {@link #script} matches
     */
    public InMemoryContainerRuntime(Clock clock, Path root, ScriptedProcess defaultScript) {
        this.clock = clock;
        this.root = root;
        this.defaultScript = defaultScript;
    }

    // ---- the test's side: scripting and observing ----

    /** Containers created from now on whose request matches get {@code process} (the first match wins). */
    public synchronized InMemoryContainerRuntime script(Predicate<CreateRequest> which, ScriptedProcess process) {
        scripts.add(Map.entry(which, process));
        return this;
    }

    /** Containers created from now on with this name get {@code process}. */
    public InMemoryContainerRuntime scriptNamed(String name, ScriptedProcess process) {
        return script(r -> r.name().equals(name), process);
    }

    /** Replaces the script of an existing container: for its execs and signals now, its output at its next start. */
    public synchronized void rescript(String id, ScriptedProcess process) {
        require(id).script = process;
    }

    /** The container's process exits by itself with {@code code}; it must be running. */
    public synchronized void exit(String id, int code) {
        FakeContainer c = require(id);
        if (c.state() != ContainerState.RUNNING) {
            throw new IllegalStateException(c.rec.name() + " is " + c.state().text() + ", not running");
        }
        c.exited(code);
        notifyAll();
    }

    /** The container's process writes a line to its log. */
    public synchronized void print(String id, LogLine.Stream stream, String text) {
        require(id).append(stream, text);
        notifyAll();
    }

    /** The next call of {@code operation} (a method name: "create", "start", ...) throws {@code failure}. */
    public synchronized void failNext(String operation, RuntimeException failure) {
        failures.put(operation, failure);
    }

    /** What happened, in order: "create NAME", "start NAME", "kill NAME SIGNAL", "exited NAME CODE", ... */
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
        containers.put(req.id(), new FakeContainer(rec, scriptFor(req), nextPid++, clock, operations));
        done("create", rec);
        return rec;
    }

    @Override
    public synchronized ContainerRecord start(String id) {
        fail("start");
        FakeContainer c = transition(id, "start", ContainerState.RUNNING);
        c.rec = c.rec.with(ContainerState.RUNNING, clock.now(), null, null);
        done("start", c.rec);
        return c.run();
    }

    @Override
    public synchronized ContainerRecord restart(String id) {
        fail("restart");
        FakeContainer c = transition(id, "start", ContainerState.CREATED); // only EXITED goes back to CREATED
        c.rec = c.rec.restarted(clock.now());
        done("restart", c.rec);
        return c.run();
    }

    @Override
    public synchronized ContainerRecord pause(String id) {
        fail("pause");
        FakeContainer c = transition(id, "pause", ContainerState.PAUSED);
        c.rec = c.rec.with(ContainerState.PAUSED, c.rec.started(), null, null);
        done("pause", c.rec);
        return c.rec;
    }

    @Override
    public synchronized ContainerRecord unpause(String id) {
        fail("unpause");
        FakeContainer c = transition(id, "unpause", ContainerState.RUNNING);
        if (c.state() != ContainerState.PAUSED) {
            throw ContainerException.illegal("unpause", c.rec, c.state());
        }
        done("unpause", c.rec);
        return c.thaw();
    }

    @Override
    public synchronized void kill(String id, String signal) {
        fail("kill");
        FakeContainer c = transition(id, "kill", ContainerState.EXITED);
        String name = ScriptedProcess.signalName(signal);
        operations.add("kill " + c.rec.name() + " " + name);
        c.signal(name);
        notifyAll();
    }

    @Override
    public synchronized int stop(String id, Duration grace) {
        fail("stop");
        FakeContainer c = require(id);
        if (c.state() == ContainerState.EXITED) {
            return c.rec.exitCode() == null ? -1 : c.rec.exitCode();
        }
        transition(id, "stop", ContainerState.EXITED);
        done("stop", c.rec);
        if (c.state() == ContainerState.CREATED) {
            c.exited(137);
        } else {
            c.signal(c.rec.stopSignal());
            if (c.state() == ContainerState.PAUSED) {
                c.thaw(); // as the real one does: the signal, then a thaw so it is handled
            }
            if (c.state() != ContainerState.EXITED) {
                c.exited(137); // the grace period is over at once: nothing runs in real time here
            }
        }
        return c.rec.exitCode();
    }

    @Override
    public synchronized Optional<Integer> waitExit(String id, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            FakeContainer c = containers.get(id);
            if (c != null && c.state() == ContainerState.EXITED) {
                return Optional.ofNullable(c.rec.exitCode());
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || !await(left)) {
                return Optional.empty();
            }
        }
    }

    @Override
    public synchronized ExecOutput exec(String id, ExecRequest req) {
        fail("exec");
        FakeContainer c = running(id);
        operations.add("exec " + c.rec.name() + " " + String.join(" ", req.args()));
        return c.script.exec(req);
    }

    @Override
    public synchronized ExecRecipe execRecipe(String id, ExecRequest req, boolean tty, boolean detach) {
        fail("execRecipe");
        FakeContainer c = running(id);
        return new ExecRecipe(
                "in-memory",
                root.resolve("runtime").toString(),
                id,
                c.rec.name(),
                BundleWriter.toJson(Map.of("args", req.args())),
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
        FakeContainer c = containers.get(id);
        List<LogLine> all = c == null ? List.of() : c.log;
        return List.copyOf(tail >= 0 && all.size() > tail ? all.subList(all.size() - tail, all.size()) : all);
    }

    /** Emits outside the monitor, so a slow sink holds nothing up; ends too when the container is removed. */
    @Override
    public void followLogs(String id, Consumer<LogLine> sink) {
        int next = 0;
        while (true) {
            List<LogLine> batch;
            boolean exited;
            synchronized (this) {
                FakeContainer c;
                while ((c = containers.get(id)) != null && c.log.size() == next && c.state() != ContainerState.EXITED) {
                    if (!await(Long.MAX_VALUE)) {
                        return;
                    }
                }
                if (c == null) {
                    return;
                }
                batch = List.copyOf(c.log.subList(next, c.log.size()));
                exited = c.state() == ContainerState.EXITED;
            }
            batch.forEach(sink);
            next += batch.size();
            if (exited && batch.isEmpty()) {
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
        FakeContainer c = require(id);
        if (!c.state().canGo(ContainerState.REMOVING)) {
            if (!force) {
                throw ContainerException.illegal("remove", c.rec, c.state());
            }
            stop(id, Duration.ZERO);
        }
        containers.remove(id);
        done("delete", c.rec);
        notifyAll();
    }

    @Override
    public synchronized Optional<Long> pid(String id) {
        FakeContainer c = containers.get(id);
        return c == null || c.state() == ContainerState.EXITED ? Optional.empty() : Optional.of(c.pid);
    }

    // ---- helpers ----

    private ScriptedProcess scriptFor(CreateRequest req) {
        return scripts.stream()
                .filter(e -> e.getKey().test(req))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(defaultScript);
    }

    /** The overlay the real runtime would mount (an image-less request gets a placeholder lower layer). */
    private OverlayMount rootfs(CreateRequest req) {
        Path dir = root.resolve("containers").resolve(req.id());
        if (!req.layers().isEmpty()) {
            return OverlayMount.forContainer(req.snapshotsRoot(), req.layers(), dir);
        }
        return new OverlayMount(
                root.resolve("snapshots"),
                List.of("l/empty"),
                dir.resolve("upper"),
                dir.resolve("work"),
                dir.resolve("rootfs"));
    }

    private FakeContainer require(String id) {
        FakeContainer c = containers.get(id);
        if (c == null) {
            throw ContainerException.noSuch(id);
        }
        return c;
    }

    private FakeContainer transition(String id, String op, ContainerState to) {
        FakeContainer c = require(id);
        if (!c.state().canGo(to)) {
            throw ContainerException.illegal(op, c.rec, c.state());
        }
        return c;
    }

    private FakeContainer running(String id) {
        FakeContainer c = require(id);
        if (c.state() != ContainerState.RUNNING) {
            throw ContainerException.illegal("exec in", c.rec, c.state());
        }
        return c;
    }

    private void fail(String operation) {
        RuntimeException f = failures.remove(operation);
        if (f != null) {
            throw f;
        }
    }

    /** Records the operation and wakes the waiters: whatever they wait for may have happened. */
    private void done(String operation, ContainerRecord rec) {
        operations.add(operation + " " + rec.name());
        notifyAll();
    }

    /** Waits on the monitor up to {@code nanos}; false if interrupted (the flag is set again). */
    private boolean await(long nanos) {
        try {
            if (nanos == Long.MAX_VALUE) {
                wait();
            } else {
                wait(Math.max(1, nanos / 1_000_000));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
