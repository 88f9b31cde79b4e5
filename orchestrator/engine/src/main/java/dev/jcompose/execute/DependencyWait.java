package dev.jcompose.execute;

import dev.jcompose.engine.EngineLoop;
import dev.jcompose.engine.Scheduler;
import dev.jcompose.model.DependencyCondition;
import dev.jcompose.quantity.GoDuration;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.Objects;

/**
 * Waits for a depends_on condition as a plan operation. It re-evaluates only when the
 * {@link ServiceObserver} reports a change (no polling) and gives up after a timeout.
 */
public final class DependencyWait {
    private final EngineLoop loop;
    private final Scheduler scheduler;
    private final ServiceObserver observer;

    /**
     * How long a healthcheck-less dependency may still exit before it is failed for lacking a
     * healthcheck: docker compose's first poll (500 ms) plus the engine's exit poll.
     */
    static final Duration NO_HEALTHCHECK_GRACE = Duration.ofSeconds(1);

    public DependencyWait(EngineLoop loop, Scheduler scheduler, ServiceObserver observer) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /**
     * Succeeds once {@code condition} holds for {@code service}; fails with a
     * {@link DependencyFailedException} when it cannot hold any more or {@code timeout} passes.
     * Call on the engine loop.
     */
    public Future<Void> await(String service, DependencyCondition condition, Duration timeout) {
        loop.checkInLoop();
        return new Waiter(service, condition).begin(timeout);
    }

    /** Runs an {@link AwaitDependency} plan operation. */
    public Future<Void> await(AwaitDependency operation) {
        return await(operation.service(), operation.condition(), operation.timeout());
    }

    /** One wait: its subscription and timer live exactly as long as it is undecided. */
    private final class Waiter {
        private final String service;
        private final DependencyCondition condition;
        private final Promise<Void> promise = Promise.promise();
        private Runnable unsubscribe;
        private long timer = -1;
        private long graceTimer = -1;
        private boolean graceOver;

        Waiter(String service, DependencyCondition condition) {
            this.service = service;
            this.condition = condition;
        }

        Future<Void> begin(Duration timeout) {
            check();
            if (promise.future().isComplete()) {
                return promise.future();
            }
            unsubscribe = observer.subscribe(service, this::check);
            if (promise.future().isComplete()) {
                // The observer reported a change while subscribing and that settled it.
                cleanUp();
                return promise.future();
            }
            timer = scheduler.setTimer(
                    timeout,
                    () -> fail(new DependencyFailedException(
                            service,
                            "service \"" + service + "\" did not " + condition.goal() + " within "
                                    + GoDuration.format(timeout),
                            "check `jcompose logs " + service + "`; if it is just slow, raise the wait timeout")));
            return promise.future();
        }

        private void check() {
            if (promise.future().isComplete()) {
                return;
            }
            switch (DependencyVerdict.evaluate(service, condition, observer.containers(service))) {
                case DependencyVerdict.Satisfied s -> {
                    cleanUp();
                    promise.complete();
                }
                case DependencyVerdict.Failed f -> fail(failure(f));
                case DependencyVerdict.NoHealthcheck n -> {
                    if (graceOver) {
                        fail(failure(n.failure()));
                    } else if (graceTimer == -1) {
                        graceTimer = scheduler.setTimer(NO_HEALTHCHECK_GRACE, () -> {
                            graceTimer = -1;
                            graceOver = true;
                            check();
                        });
                    }
                }
                case DependencyVerdict.Waiting w -> {}
            }
        }

        private DependencyFailedException failure(DependencyVerdict.Failed f) {
            return new DependencyFailedException(
                    service, f.message(), "check `jcompose logs " + service + "`", f.optionalWarning());
        }

        private void fail(DependencyFailedException failure) {
            cleanUp();
            promise.tryFail(failure);
        }

        private void cleanUp() {
            if (unsubscribe != null) {
                unsubscribe.run();
                unsubscribe = null;
            }
            if (timer != -1) {
                scheduler.cancel(timer);
                timer = -1;
            }
            if (graceTimer != -1) {
                scheduler.cancel(graceTimer);
                graceTimer = -1;
            }
        }
    }
}
