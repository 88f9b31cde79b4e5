package dev.jcompose.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.JcomposeException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineContextTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final EngineContext engine = EngineContext.create(2);

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void theTestThreadIsNotTheEngineLoop() {
        assertThat(engine.inLoop()).isFalse();
        assertThatThrownBy(engine::checkInLoop)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("engine state touched off the engine loop");
    }

    @Test
    void callRunsOnTheEngineContext() {
        assertThat(engine.await(engine.call(engine::inLoop), WAIT)).isTrue();
        String first = engine.await(engine.call(() -> Thread.currentThread().getName()), WAIT);
        String second = engine.await(engine.call(() -> Thread.currentThread().getName()), WAIT);
        assertThat(first).isEqualTo(second).startsWith("vert.x-eventloop-thread-");
    }

    @Test
    void callFailuresFailTheFuture() {
        Future<String> failing = engine.call(() -> {
            throw new IllegalArgumentException("boom");
        });
        assertThatThrownBy(() -> engine.await(failing, WAIT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("boom");
    }

    @Test
    void blockingRunsOnAWorkerAndDeliversOnTheEngineContext() {
        AtomicReference<String> worker = new AtomicReference<>();
        Future<Boolean> deliveredOnLoop = engine.call(() -> engine.blocking(() -> {
                            worker.set(Thread.currentThread().getName());
                            return engine.inLoop();
                        })
                        .map(onLoopInside -> !onLoopInside && engine.inLoop()))
                .compose(f -> f);
        assertThat(engine.await(deliveredOnLoop, WAIT)).isTrue();
        assertThat(worker.get()).startsWith("vert.x-worker-thread-");
    }

    @Test
    void blockingCallsAreNotOrderedBehindEachOther() {
        // The first call blocks until the second has run: with ordered=true this would deadlock.
        Promise<Void> secondRan = Promise.promise();
        Future<String> first = engine.blocking(() -> {
            secondRan.future().toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
            return "first";
        });
        Future<String> second = engine.blocking(() -> {
            secondRan.complete();
            return "second";
        });
        assertThat(engine.await(second, WAIT)).isEqualTo("second");
        assertThat(engine.await(first, WAIT)).isEqualTo("first");
    }

    @Test
    void blockingFailuresFailTheFuture() {
        Future<Object> failing = engine.blocking(() -> {
            throw new JcomposeException("runc failed", "check runc");
        });
        assertThatThrownBy(() -> engine.await(failing, WAIT))
                .isInstanceOf(JcomposeException.class)
                .hasMessage("runc failed");
    }

    @Test
    void vertxTimersFireOnTheEngineContext() {
        Promise<Boolean> fired = Promise.promise();
        engine.execute(() -> engine.scheduler().setTimer(Duration.ZERO, () -> fired.complete(engine.inLoop())));
        assertThat(engine.await(fired.future(), WAIT)).isTrue();
    }

    @Test
    void cancelledVertxTimersDoNotFire() {
        Promise<String> outcome = Promise.promise();
        engine.execute(() -> {
            long id = engine.scheduler().setTimer(Duration.ofMillis(1), () -> outcome.tryComplete("fired"));
            engine.scheduler().cancel(id);
            engine.scheduler().setTimer(Duration.ofMillis(20), () -> outcome.tryComplete("only the later one"));
        });
        assertThat(engine.await(outcome.future(), WAIT)).isEqualTo("only the later one");
    }

    @Test
    void timersCannotBeSetOffTheEngineContext() {
        assertThatThrownBy(() -> engine.scheduler().setTimer(Duration.ofSeconds(1), () -> {}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("timers must be set from the engine context");
    }

    @Test
    void awaitOnTheEngineContextIsRefused() {
        Future<Object> attempt = engine.call(() -> engine.await(Future.succeededFuture("x"), WAIT));
        assertThatThrownBy(() -> engine.await(attempt, WAIT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("await() would block the engine context");
    }

    @Test
    void awaitTimesOutWithAMessage() {
        assertThatThrownBy(() -> engine.await(Promise.promise().future(), Duration.ofMillis(50)))
                .isInstanceOf(JcomposeException.class)
                .hasMessage("engine task did not finish within 50ms");
    }

    @Test
    void theEngineCannotCloseItselfFromItsLoop() {
        Future<Object> attempt = engine.call(() -> {
            engine.close();
            return "closed";
        });
        assertThatThrownBy(() -> engine.await(attempt, WAIT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the engine cannot close itself from its own event loop");
    }

    @Test
    void closeStopsVertxAndCanBeRepeated() {
        EngineContext other = EngineContext.create(1);
        Future<String> work = other.blocking(() -> "done");
        assertThat(other.await(work, WAIT)).isEqualTo("done");
        other.close();
        other.close();
        assertThatThrownBy(() -> other.await(other.blocking(() -> "late"), Duration.ofSeconds(2)))
                .isInstanceOf(java.util.concurrent.RejectedExecutionException.class)
                .hasMessage("event executor terminated");
    }
}
