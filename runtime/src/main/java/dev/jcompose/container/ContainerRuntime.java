package dev.jcompose.container;

import dev.jcompose.cgroup.CgroupLayout;
import dev.jcompose.host.Clock;
import dev.jcompose.host.CommandResult;
import dev.jcompose.host.CommandRunner;
import dev.jcompose.host.HostPaths;
import dev.jcompose.oci.BundleWriter;
import dev.jcompose.oci.SpecBuilder;
import dev.jcompose.oci.SpecContext;
import dev.jcompose.rootfs.OverlayMount;
import dev.jcompose.rootfs.OverlayMounter;
import dev.jcompose.state.ContainerState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Containers run by an OCI runtime under conmon, with an explicit lifecycle
 * ({@link ContainerState}). Every operation reads the live state first (exit file, runtime state),
 * checks the transition is legal, acts, and persists the new record. Nothing lives only in memory:
 * a new process constructing this class sees the same containers.
 */
public final class ContainerRuntime {
    static final Duration CREATE_TIMEOUT = Duration.ofSeconds(30);
    static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);

    private final HostPaths paths;
    private final CommandRunner runner;
    private final Clock clock;
    private final RuntimeConfig config;
    private final RuntimeCli cli;
    private final StateStore store;
    private final OverlayMounter mounter;
    private final CgroupLayout cgroups = CgroupLayout.detect();
    /**
     * Containers this runtime is creating now: their directories exist before their record does, and
     * a concurrent {@link #list()} (another project's command in the same engine) must not take them
     * for orphans left by a crash and tear them down under the create.
     */
    private final java.util.Set<String> creating = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final java.util.Map<String, Object> recordLocks = new java.util.concurrent.ConcurrentHashMap<>();

    public ContainerRuntime(
            HostPaths paths, CommandRunner runner, Clock clock, OciRuntime runtime, RuntimeConfig config) {
        this.paths = paths;
        this.runner = runner;
        this.clock = clock;
        this.config = config;
        this.cli = new RuntimeCli(runner, runtime, paths.runRoot().resolve(runtime.name()));
        this.store = new StateStore(paths);
        this.mounter = new OverlayMounter(runner);
    }

    public ContainerRecord create(CreateRequest req) {
        creating.add(req.id());
        try {
            return createTracked(req);
        } finally {
            creating.remove(req.id());
        }
    }

    private ContainerRecord createTracked(CreateRequest req) {
        ContainerDirs dirs = ContainerDirs.of(paths, req.id());
        if (Files.exists(dirs.state())) {
            throw new ContainerException("container id " + req.id() + " is already in use", "remove it first");
        }
        OverlayMount overlay = OverlayMount.forContainer(req.snapshotsRoot(), req.layers(), dirs.data());
        String cgroupsPath = "/" + config.cgroupParent() + "/" + req.id();
        ContainerRecord rec = new ContainerRecord(
                req.id(),
                req.name(),
                req.labels(),
                req.configHash(),
                req.image(),
                req.spec(),
                overlay,
                cgroupsPath,
                cli.runtime().name(),
                cli.runtime().path().toString(),
                clock.now(),
                ContainerState.CREATED,
                null,
                null,
                null,
                req.imageRef(),
                0);
        try {
            Files.createDirectories(dirs.exitDir());
            store.save(rec);
            mounter.mount(overlay);
            SpecContext ctx = new SpecContext(
                    req.id(),
                    overlay.target(),
                    cgroupsPath,
                    req.hostsFile(),
                    req.resolvConf(),
                    req.hostnameFile(),
                    config.initBinary(),
                    config.nofileHardLimit(),
                    config.capabilityBounding());
            BundleWriter.write(
                    dirs.bundle(), req.attach().applyTo(new SpecBuilder().build(req.image(), req.spec(), ctx)));
            launch(rec, dirs, req.attach());
            return rec;
        } catch (RuntimeException | IOException e) {
            try {
                release(rec);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new UncheckedIOException((IOException) e);
        }
    }

    /** Starts conmon, which runs {@code runtime create} on the bundle, and waits for the container's pid. */
    private void launch(ContainerRecord rec, ContainerDirs dirs, Attach attach) {
        CommandResult r = runner.run(
                new ConmonCommand(config.conmon(), rec.id(), rec.name(), cli.runtime(), cli.root(), dirs, attach)
                        .command());
        if (!r.ok()) {
            throw new ContainerException(
                    "conmon failed for container " + rec.name() + ": " + RuntimeCli.lastLine(r.stderr()),
                    "check that conmon is installed (apt-get install conmon)");
        }
        awaitCreated(rec, dirs);
    }

    /** Polls (with a deadline) until the runtime wrote the container's pid, or conmon gave up. */
    private void awaitCreated(ContainerRecord rec, ContainerDirs dirs) {
        long deadline = System.nanoTime() + CREATE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (readPid(dirs.containerPidFile()).isPresent()) {
                return;
            }
            Optional<Long> conmon = readPid(dirs.conmonPidFile());
            if (conmon.isPresent()
                    && !ExitWatcher.running(conmon.get())
                    && readPid(dirs.containerPidFile()).isEmpty()) {
                throw new ContainerException(
                        "cannot create container " + rec.name() + ": " + RuntimeCli.lastError(dirs.runtimeLog()),
                        "see " + dirs.runtimeLog());
            }
            Thread.onSpinWait();
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        throw new ContainerException(
                "container " + rec.name() + " was not created within " + CREATE_TIMEOUT, "see " + dirs.runtimeLog());
    }

    public ContainerRecord start(String id) {
        ContainerRecord rec = transition(id, "start", ContainerState.RUNNING);
        cli.require(cli.run("start", id), "start", rec.name());
        return save(rec.with(ContainerState.RUNNING, clock.now(), null, null));
    }

    /**
     * Runs an exited container again on the same writable layer, as {@code docker start} does. runc cannot
     * start a stopped container, so only its runtime state, monitor, pid and exit files are deleted; the
     * overlay (upper and work dirs), the bundle and the log (appended to) stay, and a new conmon creates
     * the container from the same bundle. On failure the container is left exited, its layer intact.
     */
    public ContainerRecord restart(String id) {
        ContainerRecord rec = transition(id, "start", ContainerState.CREATED); // only EXITED goes back to CREATED
        ContainerDirs dirs = ContainerDirs.of(paths, id);
        try {
            releaseRuntime(rec, dirs);
            forgetRun(dirs, id);
            if (!OverlayMounter.isMounted(rec.rootfs().target())) {
                mounter.mount(rec.rootfs()); // e.g. unmounted by hand or by a crash cleanup
            }
            // a terminal container needs conmon's console socket again; nobody attaches to its stdin now
            launch(
                    rec,
                    dirs,
                    new Attach(false, ExecRunner.readSpec(dirs).process().terminal()));
            cli.require(cli.run("start", id), "start", rec.name());
        } catch (RuntimeException e) {
            try {
                releaseRuntime(rec, dirs);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return save(rec.restarted(clock.now()));
    }

    /** Removes what one run leaves in the state dir (exit code, pids), so the next run's are not mistaken. */
    private static void forgetRun(ContainerDirs dirs, String id) {
        try {
            Files.deleteIfExists(dirs.exitDir().resolve(id));
            Files.deleteIfExists(dirs.containerPidFile());
            Files.deleteIfExists(dirs.conmonPidFile());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot reset the run files of container " + id + " in " + dirs.state() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Records "paused" before freezing: {@link #inspect} trusts a recorded "running" without asking the
     * runtime, so an engine killed between the two steps must leave a record the runtime is asked about
     * (a frozen container read as running would ignore the stop signal until SIGKILL timed out).
     */
    public ContainerRecord pause(String id) {
        ContainerRecord rec = transition(id, "pause", ContainerState.PAUSED);
        ContainerRecord paused = save(rec.with(ContainerState.PAUSED, rec.started(), null, null));
        CommandResult r = cli.run("pause", id);
        if (!r.ok()) {
            save(rec);
            cli.require(r, "pause", rec.name());
        }
        return paused;
    }

    public ContainerRecord unpause(String id) {
        ContainerRecord rec = transition(id, "unpause", ContainerState.RUNNING);
        if (rec.state() != ContainerState.PAUSED) {
            throw ContainerException.illegal("unpause", rec, rec.state());
        }
        cli.require(cli.run("resume", id), "unpause", rec.name());
        return save(rec.with(ContainerState.RUNNING, rec.started(), null, null));
    }

    /** Sends a signal (name like SIGHUP or number) to the container's init process. */
    public void kill(String id, String signal) {
        ContainerRecord rec = transition(id, "kill", ContainerState.EXITED);
        cli.require(cli.run("kill", id, signal), "signal", rec.name());
    }

    /**
     * Stops with the stop signal, then SIGKILL after {@code grace} (null: the service's grace period);
     * returns the exit code. Stopping an exited container returns its code.
     */
    public int stop(String id, Duration grace) {
        ContainerRecord rec = inspect(id);
        if (rec.state() == ContainerState.EXITED) {
            return rec.exitCode() == null ? -1 : rec.exitCode();
        }
        transition(id, "stop", ContainerState.EXITED);
        Duration g = grace != null ? grace : rec.spec().stopGracePeriod();
        ContainerDirs dirs = ContainerDirs.of(paths, id);
        Path exit = dirs.exitDir().resolve(id);
        if (rec.state() == ContainerState.CREATED) {
            cli.run("kill", id, "SIGKILL");
        } else {
            cli.run("kill", id, rec.stopSignal());
            if (rec.state() == ContainerState.PAUSED) {
                cli.run("resume", id);
            }
        }
        Optional<Integer> code = ExitWatcher.await(exit, rec.state() == ContainerState.CREATED ? KILL_TIMEOUT : g);
        if (code.isEmpty()) {
            cli.run("kill", id, "SIGKILL");
            code = ExitWatcher.await(exit, KILL_TIMEOUT);
        }
        if (code.isEmpty()) {
            throw new ContainerException(
                    "container " + rec.name() + " did not exit after SIGKILL",
                    "it may be stuck in the kernel (D state); see " + dirs.runtimeLog());
        }
        inspect(id);
        return code.get();
    }

    /** Waits up to {@code timeout} for the container to exit; its exit code, or empty on timeout. */
    public Optional<Integer> waitExit(String id, Duration timeout) {
        Optional<Integer> code =
                ExitWatcher.await(ContainerDirs.of(paths, id).exitDir().resolve(id), timeout);
        code.ifPresent(c -> inspect(id));
        return code;
    }

    public ExecResult exec(String id, ExecRequest req) {
        ContainerRecord rec = inspect(id);
        if (rec.state() != ContainerState.RUNNING) {
            throw ContainerException.illegal("exec in", rec, rec.state());
        }
        return new ExecRunner(cli, ContainerDirs.of(paths, id)).exec(rec, req);
    }

    /** The exec as a recipe the CLI runs itself (its own stdio, tty, signals); checks the container runs. */
    public ExecRecipe execRecipe(String id, ExecRequest req, boolean tty, boolean detach) {
        ContainerRecord rec = inspect(id);
        if (rec.state() != ContainerState.RUNNING) {
            throw ContainerException.illegal("exec in", rec, rec.state());
        }
        return new ExecRunner(cli, ContainerDirs.of(paths, id)).recipe(rec, req, tty, detach);
    }

    /** The bundle directory holding conmon's attach socket and {@code ctl} fifo (see {@link AttachSocket}). */
    /** Whether the runtime has the container's record (it may have been removed by another command). */
    public boolean exists(String id) {
        return store.load(id).isPresent();
    }

    public Path bundle(String id) {
        return ContainerDirs.of(paths, id).bundle();
    }

    public Path logPath(String id) {
        return ContainerDirs.of(paths, id).log();
    }

    /** The last {@code tail} log records (all when negative), like {@code docker logs --tail}. */
    public List<LogLine> logs(String id, int tail) {
        return new LogReader(logPath(id)).read(tail);
    }

    /** Streams the log until the container has exited and its log is drained ({@code docker logs -f}). */
    public void followLogs(String id, java.util.function.Consumer<LogLine> sink) {
        Path exit = ContainerDirs.of(paths, id).exitDir().resolve(id);
        new LogReader(logPath(id)).follow(sink, () -> Files.exists(exit));
    }

    /** The record with its live state (exit file, then the runtime), persisted if it changed. */
    public ContainerRecord inspect(String id) {
        ContainerRecord rec = store.load(id)
                .orElseThrow(() ->
                        new ContainerException("no such container: " + id, "list containers with `jcompose ps -a`"));
        if (creating.contains(id)) {
            // saved before conmon runs `runtime create`: the runtime does not know it yet, and asking
            // it now would record a container still being created as exited
            return rec;
        }
        ContainerDirs dirs = ContainerDirs.of(paths, id);
        Optional<Integer> code = ExitWatcher.read(dirs.exitDir().resolve(id));
        ContainerState live;
        if (code.isPresent()) {
            live = ContainerState.EXITED;
        } else if (rec.state() == ContainerState.RUNNING
                && readPid(dirs.containerPidFile()).map(ExitWatcher::running).orElse(false)) {
            // The container's init is alive and only jcompose changes running/paused: no need to pay for
            // a runtime process (~10 ms) on every operation. Not for a recorded "created" (or "paused"):
            // its init is alive too, and an engine killed between `runc start` and saving the record
            // leaves "created" on disk for a container that runs; only the runtime knows.
            live = rec.state();
        } else {
            live = cli.status(id).map(ContainerState::fromRuntime).orElse(ContainerState.EXITED);
        }
        if (live == rec.state() && (live != ContainerState.EXITED || rec.exitCode() != null || code.isEmpty())) {
            return rec;
        }
        java.time.Instant finished = live != ContainerState.EXITED
                ? null
                : code.flatMap(c -> ExitWatcher.exitedAt(dirs.exitDir().resolve(id)))
                        .orElse(clock.now());
        ContainerRecord updated = rec.with(live, rec.started(), finished, code.orElse(null));
        if (!saveIfPresent(updated)) {
            throw new ContainerException("no such container: " + id, "list containers with `jcompose ps -a`");
        }
        return updated;
    }

    /** Every container on disk with its live state; half-created ones (no record) are cleaned away. */
    public List<ContainerRecord> list() {
        List<ContainerRecord> out = new ArrayList<>();
        for (String id : store.ids()) {
            if (store.load(id).isEmpty()) {
                // in this order: a create that ended between the two reads has saved its record
                if (!creating.contains(id) && store.load(id).isEmpty()) {
                    releaseOrphan(id);
                }
                continue;
            }
            try {
                out.add(inspect(id));
            } catch (ContainerException e) {
                if (store.load(id).isPresent()) {
                    throw e;
                }
                // removed by another command while listed: not a container any more
            }
        }
        return out;
    }

    /** Deletes the container: runtime state, conmon, overlay mount, cgroup, files. Force kills a live one. */
    public void delete(String id, boolean force) {
        ContainerRecord rec = inspect(id);
        if (!rec.state().canGo(ContainerState.REMOVING)) {
            if (!force) {
                throw ContainerException.illegal("remove", rec, rec.state());
            }
            stop(id, Duration.ZERO);
        }
        release(rec);
    }

    private void release(ContainerRecord rec) {
        ContainerDirs dirs = ContainerDirs.of(paths, rec.id());
        releaseRuntime(rec, dirs);
        mounter.unmount(rec.rootfs().target());
        deleteTree(dirs.data());
        synchronized (recordLock(rec.id())) {
            deleteTree(dirs.state());
        }
        recordLocks.remove(rec.id());
    }

    /** Deletes the runtime's state of the container, waits for its conmon, removes its cgroup. */
    private void releaseRuntime(ContainerRecord rec, ContainerDirs dirs) {
        CommandResult r = cli.run("delete", "--force", rec.id());
        if (!r.ok() && cli.status(rec.id()).isPresent()) {
            cli.require(r, "delete", rec.name());
        }
        readPid(dirs.conmonPidFile()).ifPresent(pid -> {
            if (!ExitWatcher.awaitGone(pid, KILL_TIMEOUT)) {
                throw new ContainerException(
                        "conmon (pid " + pid + ") of container " + rec.name() + " did not exit",
                        "kill it: kill " + pid);
            }
        });
        cgroups.remove(rec.cgroupsPath());
    }

    private void releaseOrphan(String id) {
        ContainerDirs dirs = ContainerDirs.of(paths, id);
        cli.run("delete", "--force", id);
        mounter.unmount(dirs.data().resolve("rootfs"));
        cgroups.remove("/" + config.cgroupParent() + "/" + id);
        deleteTree(dirs.data());
        deleteTree(dirs.state());
    }

    private ContainerRecord transition(String id, String op, ContainerState to) {
        ContainerRecord rec = inspect(id);
        if (!rec.state().canGo(to)) {
            throw ContainerException.illegal(op, rec, rec.state());
        }
        return rec;
    }

    /**
     * Updates a record, unless the container was removed meanwhile: an inspect racing a delete (two
     * projects' commands in one engine) must not bring a removed container's state directory back.
     */
    private ContainerRecord save(ContainerRecord r) {
        saveIfPresent(r);
        return r;
    }

    private boolean saveIfPresent(ContainerRecord r) {
        synchronized (recordLock(r.id())) {
            if (!Files.isDirectory(ContainerDirs.of(paths, r.id()).state())) {
                return false;
            }
            store.save(r);
            return true;
        }
    }

    private Object recordLock(String id) {
        return recordLocks.computeIfAbsent(id, k -> new Object());
    }

    /** The host pid of the container's first process while it is created or running (namespace sharing). */
    public Optional<Long> pid(String id) {
        return readPid(ContainerDirs.of(paths, id).containerPidFile()).filter(ExitWatcher::running);
    }

    static Optional<Long> readPid(Path f) {
        try {
            String s = Files.exists(f) ? Files.readString(f).strip() : "";
            return s.matches("\\d+") ? Optional.of(Long.parseLong(s)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void deleteTree(Path p) {
        try {
            if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            try (var s = Files.walk(p)) {
                for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(q);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + p + ": " + e.getMessage(), e);
        }
    }
}
