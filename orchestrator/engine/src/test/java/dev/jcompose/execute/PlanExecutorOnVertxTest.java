package dev.jcompose.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.engine.EngineContext;
import dev.jcompose.plan.Plan;
import dev.jcompose.plan.Step;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The executor on a real engine context, with operations that block on workers. */
class PlanExecutorOnVertxTest {
    private final EngineContext engine = EngineContext.create(4);

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void runsBlockingOperationsAndReportsEverythingOnTheEngineContext() {
        List<String> offLoop = Collections.synchronizedList(new ArrayList<>());
        List<String> events = new ArrayList<>();
        OperationRunner<String> runner = step -> {
            if (!engine.inLoop()) {
                offLoop.add("run " + step.id());
            }
            return engine.blocking(() -> {
                if (step.id().equals("bad")) {
                    throw new IllegalStateException("exit status 1");
                }
                return step.op();
            });
        };
        ExecutionListener listener = event -> {
            if (!engine.inLoop()) {
                offLoop.add("event " + event);
            }
            events.add(event.nodeId());
        };
        Plan<String> plan = Plan.<String>builder()
                .add("a", "a")
                .add("b", "b", "a")
                .add("c", "c", "a")
                .add("bad", "bad", "a")
                .add("d", "d", "b", "c")
                .add("e", "e", "bad")
                .build();
        PlanExecution<String> execution = new PlanExecutor<>(engine, runner, listener).execute(plan);
        PlanResult result = engine.await(execution.result(), Duration.ofSeconds(10));
        assertThat(result.render()).isEqualTo("""
                a: succeeded
                b: succeeded
                bad: failed: exit status 1
                c: succeeded
                d: succeeded
                e: skipped (bad failed)
                """);
        assertThat(offLoop).isEmpty();
        assertThat(engine.await(engine.call(() -> events.size()), Duration.ofSeconds(10)))
                .isEqualTo(11);
    }

    @Test
    void diamondMiddleNodesReallyOverlapOnWorkers() {
        // b only finishes once c has started (and vice versa): a sequential executor would time out.
        CountDownLatch bothStarted = new CountDownLatch(2);
        OperationRunner<String> runner = step -> engine.blocking(() -> {
            if (step.id().equals("b") || step.id().equals("c")) {
                bothStarted.countDown();
                if (!bothStarted.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(step.id() + " ran alone");
                }
            }
            return null;
        });
        Plan<String> plan = Plan.<String>builder()
                .add("a", "a")
                .add("b", "b", "a")
                .add("c", "c", "a")
                .add("d", "d", "b", "c")
                .build();
        PlanResult result = engine.await(
                new PlanExecutor<>(engine, runner, ExecutionListener.none())
                        .execute(plan)
                        .result(),
                Duration.ofSeconds(20));
        assertThat(result.render()).isEqualTo("a: succeeded\nb: succeeded\nc: succeeded\nd: succeeded\n");
    }

    @Test
    void cancelFromAnotherThreadInterruptsRunningOperations() {
        Promise<Void> hung = Promise.promise();
        List<String> cancelled = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch running = new CountDownLatch(1);
        OperationRunner<String> runner = new OperationRunner<>() {
            @Override
            public io.vertx.core.Future<?> run(Step<String> step) {
                running.countDown();
                return hung.future();
            }

            @Override
            public void cancel(Step<String> step) {
                cancelled.add(step.id() + (engine.inLoop() ? " on loop" : " off loop"));
                hung.fail("killed");
            }
        };
        Plan<String> plan =
                Plan.<String>builder().add("a", "a").add("b", "b", "a").build();
        PlanExecution<String> execution = new PlanExecutor<>(engine, runner, ExecutionListener.none()).execute(plan);
        try {
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        execution.cancel(CancelMode.INTERRUPT);
        PlanResult result = engine.await(execution.result(), Duration.ofSeconds(10));
        assertThat(result.render()).isEqualTo("a: cancelled\nb: cancelled\n");
        assertThat(cancelled).containsExactly("a on loop");
    }
}
