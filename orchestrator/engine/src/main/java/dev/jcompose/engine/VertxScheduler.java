package dev.jcompose.engine;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;

/**
 * {@link Scheduler} on Vert.x timers. Timers are set from the engine context, so Vert.x fires them
 * back on that same context.
 */
final class VertxScheduler implements Scheduler {
    private final Vertx vertx;
    private final Context context;

    VertxScheduler(Vertx vertx, Context context) {
        this.vertx = vertx;
        this.context = context;
    }

    @Override
    public long setTimer(Duration delay, Runnable task) {
        if (Vertx.currentContext() != context || !Context.isOnEventLoopThread()) {
            throw new IllegalStateException("timers must be set from the engine context");
        }
        // Vert.x rejects delays below 1 ms; a zero delay means "as soon as possible".
        long millis = Math.max(1, delay.toMillis());
        return vertx.setTimer(millis, id -> task.run());
    }

    @Override
    public void cancel(long timerId) {
        vertx.cancelTimer(timerId);
    }
}
