package dev.jcompose.execute;

import dev.jcompose.engine.EngineLoop;
import dev.jcompose.plan.Plan;
import dev.jcompose.plan.Step;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One run of a plan. All fields are engine state: touched only on the loop.
 *
 * <p>Every input (start, a node's completion, cancel) is queued and drained in order. A runner may
 * complete its future synchronously, inside {@code run}; queueing keeps that re-entrant completion
 * from mutating the ready set while it is being iterated.
 */
public final class PlanExecution<O> {
    private final Plan<O> plan;
    private final EngineLoop loop;
    private final OperationRunner<O> runner;
    private final ExecutionListener listener;
    private final int maxParallel;
    private final Promise<PlanResult> result = Promise.promise();

    private final Map<String, Integer> unmetDependencies = new HashMap<>();
    private final SortedSet<String> pending = new TreeSet<>();
    private final SortedSet<String> running = new TreeSet<>();
    private final Set<String> interrupted = new HashSet<>();
    private final SortedMap<String, NodeOutcome> outcomes = new TreeMap<>();
    private final ArrayDeque<Runnable> inbox = new ArrayDeque<>();
    private boolean draining;
    private boolean cancelled;
    private RuntimeException listenerFailure;

    PlanExecution(
            Plan<O> plan, EngineLoop loop, OperationRunner<O> runner, ExecutionListener listener, int maxParallel) {
        this.plan = plan;
        this.loop = loop;
        this.runner = runner;
        this.listener = listener;
        this.maxParallel = maxParallel;
    }

    /** Completes once no node is running and every node has an outcome. Never fails. */
    public Future<PlanResult> result() {
        return result.future();
    }

    /** The first exception the listener threw, if any (read on the engine loop). */
    public Optional<RuntimeException> listenerFailure() {
        return Optional.ofNullable(listenerFailure);
    }

    /**
     * Stops starting nodes; every node not yet started is reported cancelled. With
     * {@link CancelMode#INTERRUPT} running operations are asked to stop. Callable from any thread
     * (a Ctrl-C handler); a second call may upgrade WAIT to INTERRUPT.
     */
    public void cancel(CancelMode mode) {
        loop.runInLoop(() -> submit(() -> onCancel(mode)));
    }

    void start() {
        submit(() -> {
            for (Step<O> step : plan.steps()) {
                unmetDependencies.put(step.id(), step.dependsOn().size());
                pending.add(step.id());
            }
            startReady();
            finishIfDone();
        });
    }

    private void submit(Runnable input) {
        loop.checkInLoop();
        inbox.add(input);
        if (draining) {
            return;
        }
        draining = true;
        try {
            for (Runnable next = inbox.poll(); next != null; next = inbox.poll()) {
                next.run();
            }
        } finally {
            draining = false;
        }
    }

    private void startReady() {
        if (cancelled) {
            return;
        }
        for (String id : new TreeSet<>(pending)) {
            if (running.size() >= maxParallel) {
                return;
            }
            if (unmetDependencies.get(id) == 0) {
                startStep(plan.step(id));
            }
        }
    }

    private void startStep(Step<O> step) {
        pending.remove(step.id());
        running.add(step.id());
        emit(new ExecutionEvent.Started(step.id()));
        Future<?> operation;
        try {
            operation = requireFuture(runner.run(step), step.id());
        } catch (RuntimeException e) {
            operation = Future.failedFuture(e);
        }
        operation.onComplete(done -> loop.runInLoop(() -> submit(() -> onFinished(step.id(), done))));
    }

    private void onFinished(String id, AsyncResult<?> done) {
        running.remove(id);
        if (done.succeeded()) {
            record(id, new NodeOutcome.Succeeded());
            plan.dependents(id).forEach(dependent -> unmetDependencies.merge(dependent, -1, Integer::sum));
        } else if (interrupted.contains(id)) {
            record(id, new NodeOutcome.Cancelled());
        } else {
            record(id, new NodeOutcome.Failed(done.cause()));
            for (String dependent : plan.transitiveDependents(id)) {
                if (pending.remove(dependent)) {
                    record(dependent, new NodeOutcome.Skipped(id));
                }
            }
        }
        startReady();
        finishIfDone();
    }

    private void onCancel(CancelMode mode) {
        if (result.future().isComplete()) {
            return;
        }
        cancelled = true;
        for (String id : new TreeSet<>(pending)) {
            pending.remove(id);
            record(id, new NodeOutcome.Cancelled());
        }
        if (mode == CancelMode.INTERRUPT) {
            for (String id : new TreeSet<>(running)) {
                if (interrupted.add(id)) {
                    runner.cancel(plan.step(id));
                }
            }
        }
        finishIfDone();
    }

    private void record(String id, NodeOutcome outcome) {
        outcomes.put(id, outcome);
        emit(new ExecutionEvent.Finished(id, outcome));
    }

    /**
     * A broken progress printer must not wedge the plan halfway through a state change, so a
     * listener's exception is kept (see {@link #listenerFailure()}) instead of propagated.
     */
    private void emit(ExecutionEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            if (listenerFailure == null) {
                listenerFailure = e;
            }
        }
    }

    private void finishIfDone() {
        if (running.isEmpty() && pending.isEmpty() && !result.future().isComplete()) {
            result.complete(new PlanResult(outcomes));
        }
    }

    private static Future<?> requireFuture(Future<?> future, String id) {
        if (future == null) {
            throw new IllegalStateException("operation runner returned no future for plan node \"" + id + "\"");
        }
        return future;
    }
}
