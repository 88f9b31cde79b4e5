package dev.jcompose.engine;

import java.util.concurrent.Executor;

/**
 * The single thread of control that owns all engine state.
 *
 * <p>Engine drivers ({@code PlanExecutor}, {@code HealthMonitor}, {@code RestartSupervisor}) keep
 * plain mutable fields without locks: that is only sound because every read and write happens on
 * this loop. Completions that arrive from elsewhere (a worker thread, a test thread) are handed
 * back with {@link #execute(Runnable)} before they touch that state.
 */
public interface EngineLoop extends Executor {
    /** Whether the calling thread is the engine loop right now. */
    boolean inLoop();

    /** Runs {@code task} on the loop, later, in submission order. */
    @Override
    void execute(Runnable task);

    /** Guards an entry point that touches engine state. */
    default void checkInLoop() {
        if (!inLoop()) {
            throw new IllegalStateException("engine state touched off the engine loop (thread "
                    + Thread.currentThread().getName() + ")");
        }
    }

    /** Runs {@code task} right away when already on the loop, otherwise hands it to the loop. */
    default void runInLoop(Runnable task) {
        if (inLoop()) {
            task.run();
        } else {
            execute(task);
        }
    }
}
