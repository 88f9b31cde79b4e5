package dev.jcompose.restart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.engine.DirectLoop;
import dev.jcompose.engine.ManualScheduler;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestartSupervisorTest {
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<String> starts = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private boolean startFails;
    private final ContainerStarter starter = id -> {
        starts.add(id + "@" + scheduler.elapsed().toMillis() + "ms");
        return startFails
                ? Future.failedFuture(new IllegalStateException("runc start: no such file"))
                : Future.succeededFuture();
    };
    private final RestartSupervisor supervisor =
            new RestartSupervisor(new DirectLoop(), scheduler, starter, e -> events.add(describe(e)));

    private static String describe(RestartEvent event) {
        return switch (event) {
            case RestartEvent.Scheduled s ->
                s.containerId() + " restart #" + s.attempt() + " in "
                        + s.delay().toMillis() + "ms";
            case RestartEvent.Restarted r -> r.containerId() + " restarted #" + r.attempt();
            case RestartEvent.RestartFailed f ->
                f.containerId() + " restart #" + f.attempt() + " failed: "
                        + f.cause().getMessage();
            case RestartEvent.GaveUp g -> g.containerId() + " gave up: " + g.reason();
        };
    }

    /** The container ran for {@code ran} and exited with {@code code} just now. */
    private void exit(String id, int code, Duration ran) {
        Instant now = scheduler.now();
        supervisor.onExit(ContainerExit.of(id, code, now.minus(ran), now));
    }

    @Test
    void restartsAfterTheBackoffDelay() {
        supervisor.supervise("web", RestartPolicy.ALWAYS);
        exit("web", 1, Duration.ofSeconds(1));
        assertThat(events).containsExactly("web restart #1 in 100ms");
        assertThat(supervisor.restartPending("web")).isTrue();
        scheduler.advance(Duration.ofMillis(99));
        assertThat(starts).isEmpty();
        scheduler.advance(Duration.ofMillis(1));
        assertThat(starts).containsExactly("web@100ms");
        assertThat(events).containsExactly("web restart #1 in 100ms", "web restarted #1");
        assertThat(supervisor.restartPending("web")).isFalse();
        assertThat(supervisor.restartCount("web")).contains(1);
    }

    @Test
    void crashLoopsBackOffAndALongRunResetsTheDelay() {
        supervisor.supervise("web", RestartPolicy.ALWAYS);
        for (int i = 0; i < 3; i++) {
            exit("web", 1, Duration.ofSeconds(1));
            scheduler.advanceToNext();
        }
        exit("web", 1, Duration.ofSeconds(10));
        assertThat(events)
                .filteredOn(e -> e.contains(" in "))
                .containsExactly(
                        "web restart #1 in 100ms",
                        "web restart #2 in 200ms",
                        "web restart #3 in 400ms",
                        "web restart #4 in 100ms");
    }

    @Test
    void onFailureTwoGivesUpAfterTwoRestarts() {
        supervisor.supervise("job", RestartPolicy.parse("on-failure:2"));
        exit("job", 3, Duration.ofSeconds(1));
        scheduler.advanceToNext();
        exit("job", 3, Duration.ofSeconds(1));
        scheduler.advanceToNext();
        exit("job", 3, Duration.ofSeconds(1));
        assertThat(events)
                .containsExactly(
                        "job restart #1 in 100ms",
                        "job restarted #1",
                        "job restart #2 in 200ms",
                        "job restarted #2",
                        "job gave up: reached the maximum of 2 restarts (restart: on-failure:2)");
        assertThat(starts).hasSize(2);
        assertThat(scheduler.pending()).isEmpty();
    }

    @Test
    void aUserStopNeverRestartsEvenWithAlways() {
        supervisor.supervise("web", RestartPolicy.ALWAYS);
        supervisor.userStopped("web");
        exit("web", 143, Duration.ofMinutes(5));
        assertThat(events).containsExactly("web gave up: stopped by the user");
        assertThat(scheduler.pending()).isEmpty();
    }

    @Test
    void aUserStopDropsAPendingRestart() {
        supervisor.supervise("web", RestartPolicy.ALWAYS);
        exit("web", 1, Duration.ofSeconds(1));
        supervisor.userStopped("web");
        scheduler.advance(Duration.ofMinutes(1));
        assertThat(starts).isEmpty();
        assertThat(supervisor.restartPending("web")).isFalse();
    }

    @Test
    void adoptingAfterAUserStopRestartsAlwaysButNotUnlessStopped() {
        Instant now = scheduler.now();
        supervisor.adopt(ContainerExit.of("a", 0, now.minusSeconds(60), now), RestartPolicy.ALWAYS, 0, true);
        supervisor.adopt(ContainerExit.of("u", 0, now.minusSeconds(60), now), RestartPolicy.UNLESS_STOPPED, 0, true);
        supervisor.adopt(ContainerExit.of("v", 0, now.minusSeconds(60), now), RestartPolicy.UNLESS_STOPPED, 0, false);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(starts).containsExactly("a@100ms", "v@100ms");
        assertThat(events).contains("u gave up: stopped by the user (restart: unless-stopped)");
    }

    @Test
    void adoptingCountsTheRestartsAnEarlierEngineMadeAgainstOnFailure() {
        Instant now = scheduler.now();
        RestartPolicy upToTwo = RestartPolicy.onFailure(2);
        supervisor.adopt(ContainerExit.of("spent", 1, now.minusSeconds(1), now), upToTwo, 2, false);
        supervisor.adopt(ContainerExit.of("left", 1, now.minusSeconds(1), now), upToTwo, 1, false);
        supervisor.adopt(ContainerExit.of("clean", 0, now.minusSeconds(1), now), upToTwo, 0, false);
        supervisor.adopt(ContainerExit.of("killed", 137, now.minusSeconds(1), now), RestartPolicy.NO, 0, false);
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(starts).containsExactly("left@100ms");
        assertThat(supervisor.restartCount("left")).contains(2);
        assertThat(events)
                .containsExactly(
                        "spent gave up: reached the maximum of 2 restarts (restart: on-failure:2)",
                        "left restart #2 in 100ms",
                        "clean gave up: exited with code 0 (restart: on-failure)",
                        "killed gave up: restart policy is \"no\"",
                        "left restarted #2");
    }

    @Test
    void aRunningContainerAdoptedWithEarlierRestartsGoesOnCountingFromThem() {
        supervisor.supervise("web", RestartPolicy.onFailure(3), 2);
        exit("web", 1, Duration.ofSeconds(1));
        scheduler.advance(Duration.ofSeconds(1));
        exit("web", 1, Duration.ofSeconds(1));
        assertThat(starts).containsExactly("web@100ms");
        assertThat(events).last().isEqualTo("web gave up: reached the maximum of 3 restarts (restart: on-failure:3)");
    }

    @Test
    void noPolicyAndCleanOnFailureExitsGiveUp() {
        supervisor.supervise("one-shot", RestartPolicy.NO);
        supervisor.supervise("job", RestartPolicy.onFailure(0));
        exit("one-shot", 1, Duration.ofSeconds(1));
        exit("job", 0, Duration.ofSeconds(1));
        assertThat(events)
                .containsExactly(
                        "one-shot gave up: restart policy is \"no\"",
                        "job gave up: exited with code 0 (restart: on-failure)");
        assertThat(scheduler.pending()).isEmpty();
    }

    @Test
    void aFailedRestartIsReported() {
        startFails = true;
        supervisor.supervise("web", RestartPolicy.ALWAYS);
        exit("web", 1, Duration.ofSeconds(1));
        scheduler.advanceToNext();
        assertThat(events)
                .containsExactly("web restart #1 in 100ms", "web restart #1 failed: runc start: no such file");
    }

    @Test
    void exitsOfUnsupervisedOrForgottenContainersAreIgnored() {
        exit("stranger", 1, Duration.ofSeconds(1));
        supervisor.supervise("web", RestartPolicy.ALWAYS);
        exit("web", 1, Duration.ofSeconds(1));
        supervisor.forget("web");
        scheduler.advance(Duration.ofMinutes(1));
        exit("web", 1, Duration.ofSeconds(1));
        assertThat(events).containsExactly("web restart #1 in 100ms");
        assertThat(starts).isEmpty();
        assertThat(supervisor.restartCount("web")).isEmpty();
    }

    @Test
    void supervisingAgainStartsAFreshHistory() {
        supervisor.supervise("web", RestartPolicy.ALWAYS);
        exit("web", 1, Duration.ofSeconds(1));
        scheduler.advanceToNext();
        supervisor.supervise("web", RestartPolicy.ALWAYS);
        assertThat(supervisor.restartCount("web")).contains(0);
        exit("web", 1, Duration.ofSeconds(1));
        assertThat(events).last().isEqualTo("web restart #1 in 100ms");
    }
}
