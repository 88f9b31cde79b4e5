package dev.jcompose.execute;

import dev.jcompose.plan.Step;
import io.vertx.core.Future;

/**
 * Carries out one operation record; the executor knows nothing else about operations.
 * Called on the engine loop; blocking work goes through {@code EngineContext.blocking}.
 */
public interface OperationRunner<O> {
    /** Starts the operation; the future completes when it is done (success or failure). */
    Future<?> run(Step<O> step);

    /**
     * Asks a running operation to stop early (Ctrl-C with {@link CancelMode#INTERRUPT}). Its future
     * must still complete; a failure after this call is reported as cancelled. Default: no-op, the
     * operation runs to completion.
     */
    default void cancel(Step<O> step) {}
}
