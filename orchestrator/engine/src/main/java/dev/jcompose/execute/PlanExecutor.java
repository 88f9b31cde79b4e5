package dev.jcompose.execute;

import dev.jcompose.engine.EngineLoop;
import dev.jcompose.plan.Plan;
import java.util.Objects;

/**
 * Runs the planner's plans as they are: the dumb half of "decide, then act". Each step starts as
 * soon as all its dependencies succeeded, so parallelism comes from the graph alone (optionally
 * bounded); a failed step skips its transitive dependents while independent branches carry on.
 *
 * <p>No threads of its own: all bookkeeping happens on the {@link EngineLoop}; operations bring
 * their own asynchrony through the futures the {@link OperationRunner} returns.
 */
public final class PlanExecutor<O> {
    private final EngineLoop loop;
    private final OperationRunner<O> runner;
    private final ExecutionListener listener;
    private final int maxParallel;

    /**
     * @param maxParallel the most operations running at once; {@code 0} for no bound beyond the graph
     */
    public PlanExecutor(EngineLoop loop, OperationRunner<O> runner, ExecutionListener listener, int maxParallel) {
        if (maxParallel < 0) {
            throw new IllegalArgumentException("maxParallel must be >= 0, got " + maxParallel);
        }
        this.loop = Objects.requireNonNull(loop, "loop");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.maxParallel = maxParallel == 0 ? Integer.MAX_VALUE : maxParallel;
    }

    public PlanExecutor(EngineLoop loop, OperationRunner<O> runner, ExecutionListener listener) {
        this(loop, runner, listener, 0);
    }

    /** Starts executing {@code plan}; callable from any thread (the start hops onto the loop). */
    public PlanExecution<O> execute(Plan<O> plan) {
        PlanExecution<O> execution = new PlanExecution<>(plan, loop, runner, listener, maxParallel);
        loop.runInLoop(execution::start);
        return execution;
    }
}
