package dev.jcompose.stack;

import dev.jcompose.api.LogRecord;
import dev.jcompose.api.OneOffAttach;
import dev.jcompose.api.RunOptions;
import dev.jcompose.api.RunOutcome;
import dev.jcompose.api.StackEvent;
import dev.jcompose.api.StackException;
import dev.jcompose.api.StackListener;
import dev.jcompose.api.UpOptions;
import dev.jcompose.container.ContainerRecord;
import dev.jcompose.container.LogLine;
import dev.jcompose.model.Project;
import dev.jcompose.observe.Labels;
import dev.jcompose.plan.DesiredProject;
import dev.jcompose.plan.Operation;
import dev.jcompose.plan.Plan;
import dev.jcompose.plan.Planner;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * {@code run}: plans with {@link OneOff}, executes like up, then (attached) streams the one-off's
 * output until it exits and (with {@code --rm}) removes it. Interrupted (Ctrl-C), it stops the
 * one-off, removes it with {@code --rm}, and reports the interruption.
 */
final class OneOffRun {
    /** How long a created {@code --rm} one-off waits for its client to attach and start it. */
    static final Duration UNCLAIMED = Duration.ofMinutes(2);

    private final Stack stack;
    private final java.security.SecureRandom random = new java.security.SecureRandom();

    OneOffRun(Stack stack) {
        this.stack = stack;
    }

    RunOutcome run(Project project, RunOptions o, StackListener listener, Consumer<LogRecord> output) {
        String name = create(project, o, listener, true);
        ContainerRecord started = stack.containers.require(name);
        if (o.detach()) {
            return new RunOutcome(name, 0);
        }
        int code = attach(started, output, o, listener);
        return new RunOutcome(name, code);
    }

    /** Attached with conmon's socket, step 1: dependencies, then the one-off created, not started. */
    OneOffAttach prepare(Project project, RunOptions o, StackListener listener) {
        String name = create(project, o, listener, false);
        ContainerRecord r = stack.containers.require(name);
        if (o.remove()) {
            // a CLI that dies before step 2 would leave a --rm one-off created forever: it is removed then
            stack.unclaimedOneOffs.add(name);
            onLoop(() -> stack.engine
                    .scheduler()
                    .setTimer(
                            UNCLAIMED,
                            () -> stack.engine.blocking(() -> {
                                if (stack.unclaimedOneOffs.remove(name)) {
                                    remove(r, e -> {});
                                }
                                return null;
                            })));
        }
        return new OneOffAttach(name, stack.runtime.attachDirectory(r.id()).toString(), o.stdin(), o.tty());
    }

    /**
     * Step 2, once the client is attached: starts the one-off, waits for its exit, removes it with
     * {@code remove}; interrupted (Ctrl-C, the client gone), stops it (and removes it) first.
     */
    int startAttached(String name, boolean remove, StackListener listener) {
        if (remove && !stack.unclaimedOneOffs.remove(name)) {
            throw new StackException(
                    "one-off " + name + " was not started within " + UNCLAIMED.toSeconds()
                            + "s of its creation and was removed",
                    "run the command again");
        }
        ContainerRecord r = stack.containers.require(name);
        ContainerRecord started = stack.containers.start(r.id());
        ContainerExtras x = stack.extras(r.id()).orElseThrow();
        onLoop(() -> stack.supervision.started(started, x));
        while (true) {
            if (Thread.interrupted()) {
                stopAndMaybeRemove(started, remove, listener);
                Thread.currentThread().interrupt();
                throw new StackException("run " + name + " was interrupted", null);
            }
            java.util.Optional<Integer> code = stack.runtime.waitExit(r.id(), Duration.ofSeconds(1));
            if (code.isPresent()) {
                settle(started, code.get(), stack.runtime.inspect(r.id()).finished());
                if (remove) {
                    remove(started, listener);
                }
                return code.get();
            }
        }
    }

    /** Plans and executes up to the one-off's creation (and start); returns its name. */
    private String create(Project project, RunOptions o, StackListener listener, boolean start) {
        Project oneOff = OneOff.project(project, o);
        byte[] b = new byte[6];
        random.nextBytes(b);
        String name = o.name() != null
                ? o.name()
                : RunOptions.oneOffName(
                        project.name(), o.service(), HexFormat.of().formatHex(b));
        if (stack.containers.byName(name).isPresent()) {
            throw new StackException("container name \"" + name + "\" is already in use", "choose another --name");
        }
        List<ContainerRecord> records = stack.runtime.list();
        Plan<Operation> up = Planner.plan(
                DesiredProject.of(project),
                stack.observe(records),
                Stack.upOptions(UpOptions.defaults().withServices(List.of(o.service()), o.noDeps())));
        Plan<Operation> plan =
                OneOff.plan(up, o.service(), name, DesiredProject.of(oneOff).configHash(o.service()), start);
        plan.warnings()
                .forEach(
                        w -> listener.onEvent(new StackEvent("Warning", project.name(), "Warning", w, project.name())));
        stack.adopt(
                records.stream().filter(r -> Stack.ofProject(r, project.name())).toList());
        stack.execute(oneOff, records, plan, UpOptions.DEFAULT_WAIT, listener);
        return name;
    }

    /** Streams the output until the exit; returns the exit code. */
    private int attach(ContainerRecord r, Consumer<LogRecord> output, RunOptions o, StackListener listener) {
        String service = r.labels().get(Labels.SERVICE);
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        Thread follow = Thread.ofVirtual().name("jcompose-run-" + r.name()).start(() -> {
            try {
                stack.runtime.followLogs(
                        r.id(),
                        l -> output.accept(new LogRecord(
                                r.name(), service, l.time(), l.stream() == LogLine.Stream.STDERR, l.text())));
            } catch (RuntimeException e) {
                failed.set(e);
            }
        });
        try {
            follow.join();
        } catch (InterruptedException e) {
            follow.interrupt();
            Thread.interrupted(); // clean up first, then report the interruption
            stopAndMaybeRemove(r, o.remove(), listener);
            Thread.currentThread().interrupt();
            throw new StackException("run " + r.name() + " was interrupted", null);
        }
        if (failed.get() != null) {
            throw failed.get();
        }
        ContainerRecord exited = stack.runtime.inspect(r.id());
        int code = exited.exitCode() == null ? -1 : exited.exitCode();
        settle(r, code, exited.finished());
        if (o.remove()) {
            remove(r, listener);
        }
        return code;
    }

    /** Takes the exit from the exit poll (one Exited event either way) so that the removal cannot race it. */
    private void settle(ContainerRecord r, int code, Instant finished) {
        onLoop(() -> stack.supervision.stopping(r.id()));
        onLoop(() -> {
            if (finished == null) {
                stack.supervision.exitedNow(r.id(), code, r.started());
            } else {
                stack.supervision.exited(r.id(), code, r.started(), finished);
            }
        });
        stack.engine.await(stack.engine.call(stack.supervision::quiet).compose(f -> f), Duration.ofSeconds(60));
    }

    private void stopAndMaybeRemove(ContainerRecord r, boolean remove, StackListener listener) {
        onLoop(() -> stack.supervision.stopping(r.id()));
        stack.engine.await(stack.engine.call(stack.supervision::quiet).compose(f -> f), Duration.ofSeconds(60));
        int code = stack.containers.stop(r.id(), null); // the service's stop_grace_period
        onLoop(() -> stack.supervision.exitedNow(r.id(), code, r.started()));
        if (remove) {
            remove(r, listener);
        }
    }

    private void remove(ContainerRecord r, StackListener listener) {
        stack.containers.remove(r.id(), true);
        onLoop(() -> stack.supervision.removed(r.id()));
        StackEvent removed =
                StackEvent.container(r.name(), "Removed").of(r.labels().get(Labels.PROJECT));
        listener.onEvent(removed);
        onLoop(() -> stack.supervision.emit(removed));
    }

    private void onLoop(Runnable task) {
        stack.engine.await(
                stack.engine.call(() -> {
                    task.run();
                    return null;
                }),
                Duration.ofSeconds(30));
    }
}
