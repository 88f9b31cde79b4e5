package dev.jcompose.execute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.engine.DirectLoop;
import dev.jcompose.plan.Plan;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanExecutorTest {
    private final FakeRunner runner = new FakeRunner();
    private final List<String> events = new ArrayList<>();
    private final ExecutionListener listener = event -> events.add(
            switch (event) {
                case ExecutionEvent.Started s -> "start " + s.nodeId();
                case ExecutionEvent.Finished f ->
                    "end " + f.nodeId() + ": " + f.outcome().describe();
            });

    private PlanExecution<String> execute(Plan<String> plan, int maxParallel) {
        return new PlanExecutor<>(new DirectLoop(), runner, listener, maxParallel).execute(plan);
    }

    private static Plan<String> diamond() {
        return Plan.<String>builder()
                .add("a", "a")
                .add("b", "b", "a")
                .add("c", "c", "a")
                .add("d", "d", "b", "c")
                .build();
    }

    @Test
    void diamondRunsTheMiddleNodesInParallel() {
        PlanExecution<String> execution = execute(diamond(), 0);
        assertThat(runner.started).containsExactly("a");
        runner.succeed("a");
        assertThat(runner.started).containsExactly("a", "b", "c");
        assertThat(runner.running).containsOnlyKeys("b", "c");
        runner.succeed("c");
        assertThat(runner.started).doesNotContain("d");
        runner.succeed("b");
        assertThat(runner.started).containsExactly("a", "b", "c", "d");
        assertThat(execution.result().isComplete()).isFalse();
        runner.succeed("d");
        assertThat(events)
                .containsExactly(
                        "start a",
                        "end a: succeeded",
                        "start b",
                        "start c",
                        "end c: succeeded",
                        "end b: succeeded",
                        "start d",
                        "end d: succeeded");
        assertThat(execution.result().result().succeeded()).isTrue();
        // Both middle nodes started before either finished.
        assertThat(events.indexOf("start c"))
                .isLessThan(events.indexOf("end c: succeeded"))
                .isLessThan(events.indexOf("end b: succeeded"));
    }

    @Test
    void failureSkipsTransitiveDependentsOnlyWhileIndependentBranchesContinue() {
        Plan<String> plan = Plan.<String>builder()
                .add("db", "db")
                .add("migrate", "migrate", "db")
                .add("web", "web", "migrate")
                .add("cache", "cache")
                .add("worker", "worker", "cache")
                .build();
        PlanExecution<String> execution = execute(plan, 0);
        assertThat(runner.started).containsExactly("cache", "db");
        runner.fail("db", "no space left on device");
        assertThat(events)
                .containsExactly(
                        "start cache",
                        "start db",
                        "end db: failed: no space left on device",
                        "end migrate: skipped (db failed)",
                        "end web: skipped (db failed)");
        runner.succeed("cache");
        runner.succeed("worker");
        PlanResult result = execution.result().result();
        assertThat(result.render()).isEqualTo("""
                cache: succeeded
                db: failed: no space left on device
                migrate: skipped (db failed)
                web: skipped (db failed)
                worker: succeeded
                """);
        assertThat(result.succeeded()).isFalse();
        assertThat(result.cancelled()).isFalse();
        assertThat(result.firstFailure())
                .get()
                .extracting(f -> f.cause().getMessage())
                .isEqualTo("no space left on device");
        assertThat(runner.started).containsExactly("cache", "db", "worker");
    }

    @Test
    void aNodeBehindTwoFailuresIsSkippedByTheFirst() {
        Plan<String> plan = Plan.<String>builder()
                .add("a", "a")
                .add("b", "b")
                .add("c", "c", "a", "b")
                .build();
        PlanExecution<String> execution = execute(plan, 0);
        runner.fail("b", "b broke");
        runner.fail("a", "a broke");
        assertThat(execution.result().result().outcome("c")).isEqualTo(new NodeOutcome.Skipped("b"));
    }

    @Test
    void operationsCompletingInsideRunChainThroughTheWholePlan() {
        runner.immediate.addAll(List.of("a", "b", "c", "d"));
        PlanExecution<String> execution = execute(diamond(), 0);
        assertThat(execution.result().result().succeeded()).isTrue();
        assertThat(events)
                .containsExactly(
                        "start a",
                        "end a: succeeded",
                        "start b",
                        "start c",
                        "end b: succeeded",
                        "end c: succeeded",
                        "start d",
                        "end d: succeeded");
    }

    @Test
    void boundedParallelismStartsReadyNodesInIdOrder() {
        Plan<String> plan =
                Plan.<String>builder().add("c", "c").add("a", "a").add("b", "b").build();
        PlanExecution<String> execution = execute(plan, 2);
        assertThat(runner.started).containsExactly("a", "b");
        runner.succeed("b");
        assertThat(runner.started).containsExactly("a", "b", "c");
        runner.succeed("a");
        runner.succeed("c");
        assertThat(execution.result().result().succeeded()).isTrue();
    }

    @Test
    void aRunnerThatThrowsFailsItsNode() {
        OperationRunner<String> throwing = step -> {
            throw new IllegalArgumentException("bad operation " + step.op());
        };
        PlanExecution<String> execution = new PlanExecutor<>(new DirectLoop(), throwing, listener)
                .execute(Plan.<String>builder().add("a", "x").add("b", "y", "a").build());
        assertThat(execution.result().result().render())
                .isEqualTo("a: failed: bad operation x\nb: skipped (a failed)\n");
    }

    @Test
    void aRunnerReturningNoFutureFailsItsNode() {
        OperationRunner<String> forgetful = step -> null;
        PlanExecution<String> execution = new PlanExecutor<>(new DirectLoop(), forgetful, listener)
                .execute(Plan.<String>builder().add("a", "x").build());
        assertThat(execution.result().result().render())
                .isEqualTo("a: failed: operation runner returned no future for plan node \"a\"\n");
    }

    @Test
    void cancelWaitLetsRunningNodesFinishAndCancelsTheRest() {
        Plan<String> plan = Plan.<String>builder()
                .add("a", "a")
                .add("b", "b")
                .add("c", "c", "a")
                .add("d", "d")
                .build();
        PlanExecution<String> execution = execute(plan, 2);
        execution.cancel(CancelMode.WAIT);
        assertThat(runner.cancelRequests).isEmpty();
        assertThat(execution.result().isComplete()).isFalse();
        runner.succeed("a");
        assertThat(runner.started).containsExactly("a", "b");
        runner.fail("b", "b broke anyway");
        PlanResult result = execution.result().result();
        assertThat(result.render()).isEqualTo("""
                a: succeeded
                b: failed: b broke anyway
                c: cancelled
                d: cancelled
                """);
        assertThat(result.cancelled()).isTrue();
        assertThat(events)
                .containsExactly(
                        "start a",
                        "start b",
                        "end c: cancelled",
                        "end d: cancelled",
                        "end a: succeeded",
                        "end b: failed: b broke anyway");
    }

    @Test
    void cancelInterruptCallsTheCancelHookOnRunningNodes() {
        Plan<String> plan = Plan.<String>builder()
                .add("a", "a")
                .add("b", "b")
                .add("c", "c", "a")
                .build();
        PlanExecution<String> execution = execute(plan, 0);
        execution.cancel(CancelMode.INTERRUPT);
        assertThat(runner.cancelRequests).containsExactly("a", "b");
        runner.fail("a", "killed");
        runner.succeed("b");
        assertThat(execution.result().result().render()).isEqualTo("a: cancelled\nb: succeeded\nc: cancelled\n");
    }

    @Test
    void cancelCanBeUpgradedFromWaitToInterruptOnce() {
        PlanExecution<String> execution =
                execute(Plan.<String>builder().add("a", "a").build(), 0);
        execution.cancel(CancelMode.WAIT);
        execution.cancel(CancelMode.INTERRUPT);
        execution.cancel(CancelMode.INTERRUPT);
        assertThat(runner.cancelRequests).containsExactly("a");
        runner.fail("a", "killed");
        assertThat(execution.result().result().outcome("a")).isEqualTo(new NodeOutcome.Cancelled());
    }

    @Test
    void cancelAfterTheEndChangesNothing() {
        runner.immediate.add("a");
        PlanExecution<String> execution =
                execute(Plan.<String>builder().add("a", "a").build(), 0);
        execution.cancel(CancelMode.INTERRUPT);
        assertThat(execution.result().result().succeeded()).isTrue();
        assertThat(runner.cancelRequests).isEmpty();
    }

    @Test
    void anEmptyPlanFinishesAtOnce() {
        PlanExecution<String> execution = execute(Plan.<String>builder().build(), 0);
        assertThat(execution.result().isComplete()).isTrue();
        assertThat(execution.result().result().outcomes()).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void negativeParallelismIsRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new PlanExecutor<>(new DirectLoop(), runner, listener, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxParallel must be >= 0, got -1");
    }

    @Test
    void resultNeverFailsEvenWhenNodesDo() {
        PlanExecution<String> execution =
                execute(Plan.<String>builder().add("a", "a").build(), 0);
        runner.fail("a", "x");
        Future<PlanResult> result = execution.result();
        assertThat(result.succeeded()).isTrue();
        assertThat(result.result().outcome("a")).isInstanceOf(NodeOutcome.Failed.class);
    }

    @Test
    void aThrowingListenerDoesNotWedgeThePlan() {
        ExecutionListener broken = event -> {
            throw new IllegalStateException("terminal gone");
        };
        runner.immediate.addAll(List.of("a", "b", "c", "d"));
        PlanExecution<String> execution = new PlanExecutor<>(new DirectLoop(), runner, broken).execute(diamond());
        assertThat(execution.result().result().succeeded()).isTrue();
        assertThat(execution.listenerFailure())
                .get()
                .extracting(Throwable::getMessage)
                .isEqualTo("terminal gone");
    }
}
