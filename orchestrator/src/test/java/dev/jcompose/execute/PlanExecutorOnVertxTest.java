package dev.jcompose.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.engine.EngineContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
        OperationRunner<String> runner = node -> {
            if (!engine.inLoop()) {
                offLoop.add("run " + node.id());
            }
            return engine.blocking(() -> {
                if (node.id().equals("bad")) {
                    throw new IllegalStateException("exit status 1");
                }
                return node.operation();
            });
        };
        ExecutionListener listener = event -> {
            if (!engine.inLoop()) {
                offLoop.add("event " + event);
            }
            events.add(event.nodeId());
        };
        Plan<String> plan = Plan.<String>builder().add("a", "a").add("b", "b", "a").add("c", "c", "a")
                .add("bad", "bad", "a").add("d", "d", "b", "c").add("e", "e", "bad").build();
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
        assertThat(engine.await(engine.call(() -> events.size()), Duration.ofSeconds(10))).isEqualTo(11);
    }
}
