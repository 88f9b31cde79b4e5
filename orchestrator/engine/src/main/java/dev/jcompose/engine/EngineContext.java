package dev.jcompose.engine;

import dev.jcompose.ExitCode;
import dev.jcompose.JcomposeException;
import dev.jcompose.quantity.GoDuration;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The engine's runtime: one Vert.x instance and ONE event-loop context that owns all engine state.
 *
 * <p>Only code running on {@link #context()} touches engine state (plans in flight, health and
 * restart bookkeeping). Blocking host calls (runc, mounts, iptables) never run there: they go
 * through {@link #blocking(Callable)}, the one door to the worker pool, and their results come back
 * on the engine context. Timers go through {@link #scheduler()}.
 */
public final class EngineContext implements EngineLoop, AutoCloseable {
    private static final int DEFAULT_WORKERS = 8;

    private final Vertx vertx;
    private final Context context;
    private final Scheduler scheduler;

    private EngineContext(Vertx vertx) {
        this.vertx = vertx;
        // Called from a non-Vert.x thread, this creates a fresh event-loop context we keep forever.
        this.context = vertx.getOrCreateContext();
        this.scheduler = new VertxScheduler(vertx, context);
    }

    /** An engine with a single event loop and a bounded worker pool for blocking host calls. */
    public static EngineContext create() {
        return create(DEFAULT_WORKERS);
    }

    public static EngineContext create(int workers) {
        // Native transport (epoll) is what lets the engine serve its unix domain socket.
        VertxOptions options = new VertxOptions()
                .setEventLoopPoolSize(1)
                .setWorkerPoolSize(workers)
                .setPreferNativeTransport(true);
        return new EngineContext(Vertx.vertx(options));
    }

    public Vertx vertx() {
        return vertx;
    }

    public Context context() {
        return context;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public boolean inLoop() {
        // Worker threads running blocking() calls see the same current context, hence the thread check.
        return Vertx.currentContext() == context && Context.isOnEventLoopThread();
    }

    @Override
    public void execute(Runnable task) {
        context.runOnContext(v -> task.run());
    }

    /**
     * Runs a blocking host call on the worker pool. Calls are not ordered against each other
     * (ordered=false): independent plan branches must not queue behind one slow runc.
     */
    public <T> Future<T> blocking(Callable<T> call) {
        return context.executeBlocking(call, false);
    }

    /** Computes {@code supplier} on the engine context; its failure fails the future. */
    public <T> Future<T> call(Supplier<T> supplier) {
        Promise<T> result = Promise.promise();
        context.runOnContext(v -> {
            try {
                result.complete(supplier.get());
            } catch (RuntimeException e) {
                result.fail(e);
            }
        });
        return result.future();
    }

    /**
     * Waits for a future from a thread that is NOT the engine context (the CLI's main thread).
     * Waiting on the engine context would deadlock it, so that is refused.
     */
    public <T> T await(Future<T> future, Duration timeout) {
        if (inLoop()) {
            throw new IllegalStateException("await() would block the engine context");
        }
        try {
            return future.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JcomposeException("interrupted while waiting for the engine", null, ExitCode.CANCELED, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new JcomposeException("engine task failed: " + e.getCause(), null, ExitCode.FAILURE, e.getCause());
        } catch (TimeoutException e) {
            throw new JcomposeException(
                    "engine task did not finish within " + GoDuration.format(timeout),
                    "this is a jcompose bug: an engine operation never completed",
                    ExitCode.FAILURE,
                    e);
        }
    }

    /** Closes Vert.x (timers, workers, the event loop) and waits until it is down. */
    @Override
    public void close() {
        if (inLoop()) {
            throw new IllegalStateException("the engine cannot close itself from its own event loop");
        }
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new JcomposeException("could not shut the engine down cleanly: " + e, null, ExitCode.FAILURE, e);
        }
    }
}
