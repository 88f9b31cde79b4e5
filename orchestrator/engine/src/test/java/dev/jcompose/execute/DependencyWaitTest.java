package dev.jcompose.execute;

import static dev.jcompose.model.DependencyCondition.SERVICE_COMPLETED_SUCCESSFULLY;
import static dev.jcompose.model.DependencyCondition.SERVICE_HEALTHY;
import static dev.jcompose.model.DependencyCondition.SERVICE_STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.JcomposeException;
import dev.jcompose.engine.DirectLoop;
import dev.jcompose.engine.ManualScheduler;
import dev.jcompose.model.DependencyCondition;
import dev.jcompose.plan.Plan;
import dev.jcompose.state.ContainerState;
import dev.jcompose.state.Health;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependencyWaitTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    /** Containers per service, changed by the test, which notifies subscribers like runtime events would. */
    private static final class FakeObserver implements ServiceObserver {
        final Map<String, List<ContainerStatus>> containers = new HashMap<>();
        final Map<String, List<Runnable>> subscribers = new HashMap<>();
        int lookups;

        @Override
        public List<ContainerStatus> containers(String service) {
            lookups++;
            return containers.getOrDefault(service, List.of());
        }

        @Override
        public Runnable subscribe(String service, Runnable onChange) {
            subscribers.computeIfAbsent(service, k -> new ArrayList<>()).add(onChange);
            return () -> subscribers.get(service).remove(onChange);
        }

        void set(String service, ContainerStatus... statuses) {
            containers.put(service, List.of(statuses));
            List.copyOf(subscribers.getOrDefault(service, List.of())).forEach(Runnable::run);
        }

        int subscriberCount(String service) {
            return subscribers.getOrDefault(service, List.of()).size();
        }
    }

    private final FakeObserver observer = new FakeObserver();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final DependencyWait waits = new DependencyWait(new DirectLoop(), scheduler, observer);

    private static ContainerStatus created(String name) {
        return new ContainerStatus(name, ContainerState.CREATED, 0, Health.STARTING);
    }

    @Test
    void verdictsFollowDockerCompose() {
        assertThat(DependencyVerdict.evaluate("db", SERVICE_STARTED, List.of()))
                .isEqualTo(new DependencyVerdict.Waiting());
        assertThat(DependencyVerdict.evaluate("db", SERVICE_STARTED, List.of(created("db-1"))))
                .isEqualTo(new DependencyVerdict.Waiting());
        assertThat(DependencyVerdict.evaluate(
                        "db",
                        SERVICE_STARTED,
                        List.of(ContainerStatus.running("db-1", null), ContainerStatus.exited("db-2", 3))))
                .isEqualTo(new DependencyVerdict.Satisfied());
        assertThat(DependencyVerdict.evaluate(
                        "db",
                        SERVICE_HEALTHY,
                        List.of(
                                ContainerStatus.running("db-1", Health.HEALTHY),
                                ContainerStatus.running("db-2", Health.STARTING))))
                .isEqualTo(new DependencyVerdict.Waiting());
        assertThat(DependencyVerdict.evaluate(
                        "db",
                        SERVICE_HEALTHY,
                        List.of(
                                ContainerStatus.running("db-1", Health.HEALTHY),
                                ContainerStatus.running("db-2", Health.HEALTHY))))
                .isEqualTo(new DependencyVerdict.Satisfied());
        assertThat(DependencyVerdict.evaluate(
                        "db", SERVICE_HEALTHY, List.of(ContainerStatus.running("db-1", Health.UNHEALTHY))))
                .isEqualTo(new DependencyVerdict.Failed(
                        "dependency failed to start: container db-1 is unhealthy",
                        "optional dependency \"db\" failed to start: container db-1 is unhealthy"));
        assertThat(DependencyVerdict.evaluate("db", SERVICE_HEALTHY, List.of(ContainerStatus.running("db-1", null))))
                .isEqualTo(new DependencyVerdict.NoHealthcheck(new DependencyVerdict.Failed(
                        "dependency failed to start: container db-1 has no healthcheck configured",
                        "optional dependency \"db\" failed to start: container db-1 has no healthcheck configured")));
        assertThat(DependencyVerdict.evaluate("db", SERVICE_HEALTHY, List.of(ContainerStatus.exited("db-1", 137))))
                .isEqualTo(new DependencyVerdict.Failed(
                        "dependency failed to start: container db-1 exited (137)",
                        "optional dependency \"db\" failed to start: container db-1 exited (137)"));
        assertThat(DependencyVerdict.evaluate("db", SERVICE_HEALTHY, List.of(created("db-1"))))
                .isEqualTo(new DependencyVerdict.Waiting());
        assertThat(DependencyVerdict.evaluate(
                        "migrate", SERVICE_COMPLETED_SUCCESSFULLY, List.of(ContainerStatus.running("migrate-1", null))))
                .isEqualTo(new DependencyVerdict.Waiting());
        assertThat(DependencyVerdict.evaluate(
                        "migrate", SERVICE_COMPLETED_SUCCESSFULLY, List.of(ContainerStatus.exited("migrate-1", 0))))
                .isEqualTo(new DependencyVerdict.Satisfied());
        assertThat(DependencyVerdict.evaluate(
                        "migrate",
                        SERVICE_COMPLETED_SUCCESSFULLY,
                        List.of(ContainerStatus.exited("migrate-1", 0), ContainerStatus.exited("migrate-2", 1))))
                .isEqualTo(new DependencyVerdict.Failed(
                        "service \"migrate\" didn't complete successfully: exit 1",
                        "optional dependency \"migrate\" didn't complete successfully: exit 1"));
    }

    @Test
    void conditionsParseFromComposeSpelling() {
        assertThat(DependencyCondition.parse("service_started")).isEqualTo(SERVICE_STARTED);
        assertThat(DependencyCondition.parse("service_healthy")).isEqualTo(SERVICE_HEALTHY);
        assertThat(DependencyCondition.parse("service_completed_successfully"))
                .isEqualTo(SERVICE_COMPLETED_SUCCESSFULLY);
        assertThat(SERVICE_HEALTHY).hasToString("service_healthy");
        assertThatThrownBy(() -> DependencyCondition.parse("service_ready"))
                .isInstanceOf(JcomposeException.class)
                .hasMessage("invalid depends_on condition \"service_ready\"")
                .extracting(e -> ((JcomposeException) e).hint())
                .isEqualTo("use one of service_started, service_healthy, service_completed_successfully");
    }

    @Test
    void waitsForHealthyDrivenByEvents() {
        observer.set("db", ContainerStatus.running("db-1", Health.STARTING));
        Future<Void> wait = waits.await("db", SERVICE_HEALTHY, TIMEOUT);
        assertThat(wait.isComplete()).isFalse();
        int lookupsAfterStart = observer.lookups;
        scheduler.advance(Duration.ofSeconds(30));
        assertThat(observer.lookups).as("no polling").isEqualTo(lookupsAfterStart);
        observer.set("db", ContainerStatus.running("db-1", Health.HEALTHY));
        assertThat(wait.succeeded()).isTrue();
        assertThat(observer.subscriberCount("db")).isZero();
        assertThat(scheduler.pending()).as("timeout timer cancelled").isEmpty();
    }

    @Test
    void alreadySatisfiedCompletesAtOnceWithoutSubscribing() {
        observer.set("db", ContainerStatus.running("db-1", null));
        Future<Void> wait = waits.await("db", SERVICE_STARTED, TIMEOUT);
        assertThat(wait.succeeded()).isTrue();
        assertThat(observer.subscriberCount("db")).isZero();
        assertThat(scheduler.pending()).isEmpty();
    }

    @Test
    void failsWhenTheDependencyTurnsUnhealthy() {
        observer.set("db", ContainerStatus.running("db-1", Health.STARTING));
        Future<Void> wait = waits.await("db", SERVICE_HEALTHY, TIMEOUT);
        observer.set("db", ContainerStatus.running("db-1", Health.UNHEALTHY));
        assertThat(wait.failed()).isTrue();
        assertThat(wait.cause())
                .isInstanceOf(DependencyFailedException.class)
                .hasMessage("dependency failed to start: container db-1 is unhealthy");
        assertThat(((DependencyFailedException) wait.cause()).service()).isEqualTo("db");
        assertThat(observer.subscriberCount("db")).isZero();
        assertThat(scheduler.pending()).isEmpty();
    }

    @Test
    void aHealthcheckLessDependencyThatExitsWithinTheGraceIsReportedAsExited() {
        observer.set("db", ContainerStatus.running("db-1", null));
        Future<Void> wait = waits.await("db", SERVICE_HEALTHY, TIMEOUT);
        assertThat(wait.isComplete()).isFalse();
        scheduler.advance(DependencyWait.NO_HEALTHCHECK_GRACE.minusMillis(1));
        observer.set("db", ContainerStatus.exited("db-1", 1));
        assertThat(wait.cause()).hasMessage("dependency failed to start: container db-1 exited (1)");
        assertThat(scheduler.pending()).as("grace and timeout timers cancelled").isEmpty();
    }

    @Test
    void aHealthcheckLessDependencyStillRunningAfterTheGraceFails() {
        observer.set("db", ContainerStatus.running("db-1", null));
        Future<Void> wait = waits.await("db", SERVICE_HEALTHY, TIMEOUT);
        scheduler.advance(DependencyWait.NO_HEALTHCHECK_GRACE);
        assertThat(wait.cause())
                .isInstanceOf(DependencyFailedException.class)
                .hasMessage("dependency failed to start: container db-1 has no healthcheck configured");
        assertThat(observer.subscriberCount("db")).isZero();
        assertThat(scheduler.pending()).isEmpty();
    }

    @Test
    void completedSuccessfullyFailsOnANonZeroExitWithComposeWording() {
        Future<Void> wait = waits.await("migrate", SERVICE_COMPLETED_SUCCESSFULLY, TIMEOUT);
        observer.set("migrate", created("migrate-1"));
        observer.set("migrate", ContainerStatus.running("migrate-1", null));
        assertThat(wait.isComplete()).isFalse();
        observer.set("migrate", ContainerStatus.exited("migrate-1", 1));
        assertThat(wait.cause()).hasMessage("service \"migrate\" didn't complete successfully: exit 1");
    }

    @Test
    void completedSuccessfullySucceedsOnExitZero() {
        Future<Void> wait = waits.await("migrate", SERVICE_COMPLETED_SUCCESSFULLY, TIMEOUT);
        observer.set("migrate", ContainerStatus.exited("migrate-1", 0));
        assertThat(wait.succeeded()).isTrue();
    }

    @Test
    void timesOut() {
        Future<Void> wait = waits.await("db", SERVICE_HEALTHY, Duration.ofSeconds(90));
        scheduler.advance(Duration.ofSeconds(89));
        assertThat(wait.isComplete()).isFalse();
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(wait.cause())
                .isInstanceOf(DependencyFailedException.class)
                .hasMessage("service \"db\" did not become healthy within 1m30s");
        assertThat(((JcomposeException) wait.cause()).hint())
                .isEqualTo("check `jcompose logs db`; if it is just slow, raise the wait timeout");
        assertThat(observer.subscriberCount("db")).isZero();
        observer.set("db", ContainerStatus.running("db-1", Health.HEALTHY));
        assertThat(wait.failed()).isTrue();
    }

    @Test
    void timeoutMessagesNameTheGoal() {
        Future<Void> started = waits.await("a", SERVICE_STARTED, Duration.ofSeconds(5));
        Future<Void> completed = waits.await("b", SERVICE_COMPLETED_SUCCESSFULLY, Duration.ofSeconds(5));
        scheduler.advance(Duration.ofSeconds(5));
        assertThat(started.cause()).hasMessage("service \"a\" did not start within 5s");
        assertThat(completed.cause()).hasMessage("service \"b\" did not complete within 5s");
    }

    @Test
    void awaitDependencyIsAPlanOperation() {
        AwaitDependency operation = new AwaitDependency("db", SERVICE_HEALTHY, Duration.ofMinutes(2));
        Plan<Object> plan = Plan.builder()
                .add("wait db", operation)
                .add("start web", "start web", "wait db")
                .build();
        assertThat(plan.render(String::valueOf)).isEqualTo("""
                wait db: await db service_healthy within 2m0s
                start web: start web [after wait db]
                """);
        Future<Void> wait = waits.await(operation);
        observer.set("db", ContainerStatus.running("db-1", Health.HEALTHY));
        assertThat(wait.succeeded()).isTrue();
    }
}
