package dev.jcompose.container;

import dev.jcompose.host.Clock;
import dev.jcompose.host.CommandResult;
import dev.jcompose.host.CommandRunner;
import dev.jcompose.host.HostPaths;
import dev.jcompose.rootfs.OverlayMounter;
import dev.jcompose.state.ContainerState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Containers run by an OCI runtime (runc or crun) under conmon. Every operation reads the live state
 * first (exit file, runtime state), checks the transition is legal, acts, and persists the new record.
 * Nothing lives only in memory: a new process constructing this class sees the same containers.
 * Creating is {@link ContainerCreation}'s work, taking apart {@link ContainerRelease}'s.
 */
public final class ConmonRuntime implements ContainerRuntime {
    private final HostPaths paths;
    private final Clock clock;
    private final RuntimeCli cli;
    private final ContainerRecords records;
    private final OverlayMounter mounter;
    private final ContainerRelease release;
    private final ContainerCreation creation;
    /**
     * Containers this runtime is creating now: their directories exist before their record does, and
     * a concurrent {@link #list()} (another project's command in the same engine) must not take them
     * for orphans left by a crash and tear them down under the create.
     */
    private final Set<String> creating = ConcurrentHashMap.newKeySet();
    /**
     * Containers this runtime created and has not started since: while their init lives they are
     * "created" without asking the runtime (a process, ~25 ms, on every look before the start). An
     * engine that restarts knows none of them, and asks.
     */
    private final Set<String> createdHere = ConcurrentHashMap.newKeySet();

    public ConmonRuntime(HostPaths paths, CommandRunner runner, Clock clock, OciRuntime runtime, RuntimeConfig config) {
        this.paths = paths;
        this.clock = clock;
        this.cli = new RuntimeCli(runner, runtime, paths.runRoot().resolve(runtime.name()));
        this.records = new ContainerRecords(paths);
        this.mounter = new OverlayMounter(runner);
        this.release = new ContainerRelease(paths, config, cli, records, mounter);
        this.creation = new ContainerCreation(paths, runner, clock, config, cli, records, mounter, release);
    }

    @Override
    public ContainerRecord create(CreateRequest req) {
        creating.add(req.id());
        try {
            ContainerRecord created = creation.create(req);
            createdHere.add(req.id());
            return created;
        } finally {
            creating.remove(req.id());
        }
    }

    @Override
    public ContainerRecord start(String id) {
        ContainerRecord rec = transition(id, "start", ContainerState.RUNNING);
        createdHere.remove(id); // from here on only the runtime knows whether it started
        cli.require(cli.run("start", id), "start", rec.name());
        return save(rec.with(ContainerState.RUNNING, clock.now(), null, null));
    }

    /**
     * runc cannot start a stopped container, so only its runtime state, monitor, pid and exit files are
     * deleted; the overlay (upper and work dirs), the bundle and the log (appended to) stay, and a new
     * conmon creates the container from the same bundle. On failure the container is left exited, its
     * layer intact.
     */
    @Override
    public ContainerRecord restart(String id) {
        ContainerRecord rec = transition(id, "start", ContainerState.CREATED); // only EXITED goes back to CREATED
        ContainerDirs dirs = ContainerDirs.of(paths, id);
        try {
            release.runtime(rec, dirs);
            ContainerRelease.forgetRun(dirs, id);
            if (!OverlayMounter.isMounted(rec.rootfs().target())) {
                mounter.mount(rec.rootfs()); // e.g. unmounted by hand or by a crash cleanup
            }
            // a terminal container needs conmon's console socket again; nobody attaches to its stdin now
            creation.launch(
                    rec,
                    dirs,
                    new Attach(false, ExecRunner.readSpec(dirs).process().terminal()));
            cli.require(cli.run("start", id), "start", rec.name());
        } catch (RuntimeException e) {
            try {
                release.runtime(rec, dirs);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return save(rec.restarted(clock.now()));
    }

    /**
     * Records "paused" before freezing: {@link #inspect} trusts a recorded "running" without asking the
     * runtime, so an engine killed between the two steps must leave a record the runtime is asked about
     * (a frozen container read as running would ignore the stop signal until SIGKILL timed out).
     */
    @Override
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

    @Override
    public ContainerRecord unpause(String id) {
        ContainerRecord rec = transition(id, "unpause", ContainerState.RUNNING);
        if (rec.state() != ContainerState.PAUSED) {
            throw ContainerException.illegal("unpause", rec, rec.state());
        }
        cli.require(cli.run("resume", id), "unpause", rec.name());
        return save(rec.with(ContainerState.RUNNING, rec.started(), null, null));
    }

    @Override
    public void kill(String id, String signal) {
        ContainerRecord rec = transition(id, "kill", ContainerState.EXITED);
        cli.require(cli.run("kill", id, signal), "signal", rec.name());
    }

    @Override
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
            signal(id, dirs, rec.stopSignal());
            if (rec.state() == ContainerState.PAUSED) {
                cli.run("resume", id);
            }
        }
        Optional<Integer> code =
                ExitWatcher.await(exit, rec.state() == ContainerState.CREATED ? ContainerRelease.KILL_TIMEOUT : g);
        if (code.isEmpty()) {
            signal(id, dirs, "SIGKILL");
            code = ExitWatcher.await(exit, ContainerRelease.KILL_TIMEOUT);
        }
        if (code.isEmpty()) {
            throw new ContainerException(
                    "container " + rec.name() + " did not exit after SIGKILL",
                    "it may be stuck in the kernel (D state); see " + dirs.runtimeLog());
        }
        inspect(id);
        return code.get();
    }

    /** The signal to the init: directly where that is safe ({@link InitSignal}), else by the runtime. */
    private void signal(String id, ContainerDirs dirs, String signal) {
        if (!InitSignal.send(dirs, id, signal)) {
            cli.run("kill", id, signal);
        }
    }

    @Override
    public Optional<Integer> waitExit(String id, Duration timeout) {
        Optional<Integer> code =
                ExitWatcher.await(ContainerDirs.of(paths, id).exitDir().resolve(id), timeout);
        code.ifPresent(c -> inspect(id));
        return code;
    }

    @Override
    public ExecOutput exec(String id, ExecRequest req) {
        return new ExecRunner(cli, ContainerDirs.of(paths, id)).exec(running(id, "exec in"), req);
    }

    @Override
    public ExecRecipe execRecipe(String id, ExecRequest req, boolean tty, boolean detach) {
        return new ExecRunner(cli, ContainerDirs.of(paths, id)).recipe(running(id, "exec in"), req, tty, detach);
    }

    @Override
    public boolean exists(String id) {
        return records.load(id).isPresent();
    }

    /** The bundle directory: conmon makes its attach socket and {@code ctl} fifo there. */
    @Override
    public Path attachDirectory(String id) {
        return ContainerDirs.of(paths, id).bundle();
    }

    /** conmon's log file of the container (k8s-file format, see {@link LogReader}). */
    Path logPath(String id) {
        return ContainerDirs.of(paths, id).log();
    }

    @Override
    public List<LogLine> logs(String id, int tail) {
        return new LogReader(logPath(id)).read(tail);
    }

    @Override
    public void followLogs(String id, Consumer<LogLine> sink) {
        Path exit = ContainerDirs.of(paths, id).exitDir().resolve(id);
        new LogReader(logPath(id)).follow(sink, () -> Files.exists(exit));
    }

    /** The record with its live state (exit file, then the runtime), persisted if it changed. */
    @Override
    public ContainerRecord inspect(String id) {
        ContainerRecord rec = records.load(id).orElseThrow(() -> ContainerException.noSuch(id));
        if (creating.contains(id)) {
            // saved before conmon runs `runtime create`: the runtime does not know it yet, and asking
            // it now would record a container still being created as exited
            return rec;
        }
        ContainerDirs dirs = ContainerDirs.of(paths, id);
        Optional<Integer> code = ExitWatcher.read(dirs.exitDir().resolve(id));
        ContainerState live = liveState(rec, dirs, code);
        if (live == rec.state() && (live != ContainerState.EXITED || rec.exitCode() != null || code.isEmpty())) {
            return rec;
        }
        Instant finished = live != ContainerState.EXITED
                ? null
                : code.flatMap(c -> ExitWatcher.exitedAt(dirs.exitDir().resolve(id)))
                        .orElse(clock.now());
        ContainerRecord updated = rec.with(live, rec.started(), finished, code.orElse(null));
        if (!records.saveIfPresent(updated)) {
            throw ContainerException.noSuch(id);
        }
        return updated;
    }

    private ContainerState liveState(ContainerRecord rec, ContainerDirs dirs, Optional<Integer> code) {
        if (code.isPresent()) {
            return ContainerState.EXITED;
        }
        boolean knownHere = rec.state() == ContainerState.RUNNING
                || (rec.state() == ContainerState.CREATED && createdHere.contains(rec.id()));
        if (knownHere
                && readPid(dirs.containerPidFile()).map(ExitWatcher::running).orElse(false)) {
            // The container's init is alive and only jcompose changes running/paused: no need to pay for
            // a runtime process (~10 ms) on every operation. Not for a recorded "created" (or "paused")
            // this runtime did not create: its init is alive too, and an engine killed between `runc
            // start` and saving the record leaves "created" on disk for a container that runs; only the
            // runtime knows.
            return rec.state();
        }
        return cli.status(rec.id()).map(ContainerState::fromRuntime).orElse(ContainerState.EXITED);
    }

    /** Every container on disk with its live state; half-created ones (no record) are cleaned away. */
    @Override
    public List<ContainerRecord> list() {
        List<ContainerRecord> out = new ArrayList<>();
        for (String id : records.ids()) {
            if (records.load(id).isEmpty()) {
                // in this order: a create that ended between the two reads has saved its record
                if (!creating.contains(id) && records.load(id).isEmpty()) {
                    release.orphan(id);
                }
                continue;
            }
            try {
                out.add(inspect(id));
            } catch (ContainerException e) {
                if (records.load(id).isPresent()) {
                    throw e;
                }
                // removed by another command while listed: not a container any more
            }
        }
        return out;
    }

    /** Deletes the container: runtime state, conmon, overlay mount, cgroup, files. Force kills a live one. */
    @Override
    public void delete(String id, boolean force) {
        ContainerRecord rec = inspect(id);
        if (!rec.state().canGo(ContainerState.REMOVING)) {
            if (!force) {
                throw ContainerException.illegal("remove", rec, rec.state());
            }
            stop(id, Duration.ZERO);
        }
        createdHere.remove(id);
        release.release(rec);
    }

    @Override
    public Optional<Long> pid(String id) {
        return readPid(ContainerDirs.of(paths, id).containerPidFile()).filter(ExitWatcher::running);
    }

    private ContainerRecord running(String id, String op) {
        ContainerRecord rec = inspect(id);
        if (rec.state() != ContainerState.RUNNING) {
            throw ContainerException.illegal(op, rec, rec.state());
        }
        return rec;
    }

    private ContainerRecord transition(String id, String op, ContainerState to) {
        ContainerRecord rec = inspect(id);
        if (!rec.state().canGo(to)) {
            throw ContainerException.illegal(op, rec, rec.state());
        }
        return rec;
    }

    /** Updates a record, unless the container was removed meanwhile (see {@link ContainerRecords}). */
    private ContainerRecord save(ContainerRecord r) {
        records.saveIfPresent(r);
        return r;
    }

    static Optional<Long> readPid(Path f) {
        try {
            String s = Files.exists(f) ? Files.readString(f).strip() : "";
            return s.matches("\\d+") ? Optional.of(Long.parseLong(s)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
