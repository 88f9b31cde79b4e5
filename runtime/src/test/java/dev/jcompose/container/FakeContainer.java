package dev.jcompose.container;

import dev.jcompose.host.Clock;
import dev.jcompose.state.ContainerState;
import java.util.ArrayList;
import java.util.List;

/**
 * One container of an {@link InMemoryContainerRuntime} and its scripted process: the record, the log,
 * the signals sent while it is paused. Not thread-safe by itself: the runtime calls it under its
 * monitor and wakes its waiters after every change.
 */
final class FakeContainer {
    ContainerRecord rec;
    ScriptedProcess script;
    final long pid;
    final List<LogLine> log = new ArrayList<>();
    private final List<String> pendingSignals = new ArrayList<>();
    private final Clock clock;
    private final List<String> operations;

    FakeContainer(ContainerRecord rec, ScriptedProcess script, long pid, Clock clock, List<String> operations) {
        this.rec = rec;
        this.script = script;
        this.pid = pid;
        this.clock = clock;
        this.operations = operations;
    }

    ContainerState state() {
        return rec.state();
    }

    /** Prints the script's output, then exits if the script says so; returns the record as started. */
    ContainerRecord run() {
        ContainerRecord started = rec;
        script.output().forEach(o -> append(o.stream(), o.text()));
        if (script.exitCode() != null) {
            exited(script.exitCode());
        }
        return started;
    }

    /** Running again after a pause; the signals sent meanwhile are handled now. Returns the thawed record. */
    ContainerRecord thaw() {
        rec = rec.with(ContainerState.RUNNING, rec.started(), null, null);
        ContainerRecord thawed = rec;
        List<String> pending = List.copyOf(pendingSignals);
        pendingSignals.clear();
        pending.forEach(this::signal);
        return thawed;
    }

    void signal(String signal) {
        if (state() == ContainerState.PAUSED && !signal.equals("SIGKILL")) {
            pendingSignals.add(signal); // a frozen process handles it once thawed
        } else if (state() == ContainerState.CREATED) {
            exited(ScriptedProcess.terminatedBy(signal)); // no handler installed yet: the default action
        } else if (state() != ContainerState.EXITED) {
            script.onSignal(signal).ifPresent(this::exited);
        }
    }

    void exited(int code) {
        rec = rec.with(ContainerState.EXITED, rec.started(), clock.now(), code);
        pendingSignals.clear();
        operations.add("exited " + rec.name() + " " + code);
    }

    void append(LogLine.Stream stream, String text) {
        log.add(new LogLine(clock.now(), stream, text));
    }
}
