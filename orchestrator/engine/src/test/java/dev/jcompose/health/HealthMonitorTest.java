package dev.jcompose.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.engine.DirectLoop;
import dev.jcompose.engine.ManualScheduler;
import dev.jcompose.state.Health;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthMonitorTest {
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<String> probes = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    /** Exit codes the next probes return at once; when empty, probes hang until the test answers. */
    private final ArrayDeque<Integer> answers = new ArrayDeque<>();

    private final List<Promise<Prober.ProbeOutput>> hanging = new ArrayList<>();

    private final Prober prober = (container, timeout) -> {
        probes.add(container + "@" + scheduler.elapsed().toSeconds() + "s timeout " + timeout.toSeconds() + "s");
        Integer exit = answers.poll();
        if (exit != null) {
            return Future.succeededFuture(new Prober.ProbeOutput(exit, "exit " + exit));
        }
        Promise<Prober.ProbeOutput> promise = Promise.promise();
        hanging.add(promise);
        return promise.future();
    };
    private final HealthMonitor monitor = new HealthMonitor(
            new DirectLoop(),
            scheduler,
            scheduler,
            prober,
            e -> events.add(e.containerId() + " " + e.from().text() + " -> " + e.to().text() + " @"
                    + scheduler.elapsed().toSeconds() + "s"));

    private void answer(Integer... exitCodes) {
        answers.addAll(List.of(exitCodes));
    }

    @Test
    void probesEveryIntervalAndReportsHealthy() {
        answer(0, 0, 0);
        monitor.watch("web", HealthCheck.defaults().withInterval(Duration.ofSeconds(10)), scheduler.now());
        assertThat(monitor.state("web")).get().extracting(HealthState::status).isEqualTo(Health.STARTING);
        scheduler.advance(Duration.ofSeconds(9));
        assertThat(probes).isEmpty();
        scheduler.advance(Duration.ofSeconds(21));
        assertThat(probes).containsExactly("web@10s timeout 30s", "web@20s timeout 30s", "web@30s timeout 30s");
        assertThat(events).containsExactly("web starting -> healthy @10s");
    }

    /** A new engine adopting a container resumes its health: no flap back to "starting". */
    @Test
    void resumesAKnownHealthWithItsFailingStreak() {
        answer(1, 0);
        monitor.watch(
                "web",
                HealthCheck.defaults().withInterval(Duration.ofSeconds(10)).withRetries(2),
                scheduler.now().minusSeconds(3600),
                new HealthState(Health.HEALTHY, 1, List.of()));
        assertThat(monitor.state("web")).get().extracting(HealthState::status).isEqualTo(Health.HEALTHY);
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(events)
                .as("the second failure in a row, counting the saved one")
                .containsExactly("web healthy -> unhealthy @10s");
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(events).containsExactly("web healthy -> unhealthy @10s", "web unhealthy -> healthy @20s");
    }

    @Test
    void becomesUnhealthyAfterRetriesFailures() {
        answer(1, 1, 1, 1);
        monitor.watch(
                "web",
                HealthCheck.defaults().withInterval(Duration.ofSeconds(5)).withRetries(3),
                scheduler.now());
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(events).isEmpty();
        assertThat(monitor.state("web").orElseThrow().failingStreak()).isEqualTo(2);
        scheduler.advance(Duration.ofSeconds(5));
        assertThat(events).containsExactly("web starting -> unhealthy @15s");
        scheduler.advance(Duration.ofSeconds(5));
        assertThat(events).as("events only on change").hasSize(1);
    }

    @Test
    void recoversFromUnhealthy() {
        answer(1, 0);
        monitor.watch(
                "web",
                HealthCheck.defaults().withInterval(Duration.ofSeconds(5)).withRetries(1),
                scheduler.now());
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(events).containsExactly("web starting -> unhealthy @5s", "web unhealthy -> healthy @10s");
    }

    @Test
    void usesTheStartIntervalDuringTheStartPeriodAndIgnoresFailuresThere() {
        answer(1, 1, 1, 1, 1, 1);
        HealthCheck check = HealthCheck.defaults()
                .withInterval(Duration.ofSeconds(30))
                .withRetries(1)
                .withStartPeriod(Duration.ofSeconds(10))
                .withStartInterval(Duration.ofSeconds(3));
        monitor.watch("db", check, scheduler.now());
        scheduler.advance(Duration.ofSeconds(9));
        assertThat(probes).containsExactly("db@3s timeout 30s", "db@6s timeout 30s", "db@9s timeout 30s");
        assertThat(events).isEmpty();
        scheduler.advance(Duration.ofSeconds(3));
        assertThat(probes).last().isEqualTo("db@12s timeout 30s");
        assertThat(events).containsExactly("db starting -> unhealthy @12s");
        scheduler.advance(Duration.ofSeconds(30));
        assertThat(probes).last().isEqualTo("db@42s timeout 30s");
    }

    @Test
    void aSuccessDuringTheStartPeriodMakesItHealthyAndSwitchesToTheInterval() {
        answer(1, 0, 0);
        HealthCheck check = HealthCheck.defaults()
                .withInterval(Duration.ofSeconds(20))
                .withStartPeriod(Duration.ofSeconds(60))
                .withStartInterval(Duration.ofSeconds(2));
        monitor.watch("db", check, scheduler.now());
        scheduler.advance(Duration.ofSeconds(24));
        assertThat(probes).containsExactly("db@2s timeout 30s", "db@4s timeout 30s", "db@24s timeout 30s");
        assertThat(events).containsExactly("db starting -> healthy @4s");
    }

    @Test
    void enforcesTheTimeoutAndIgnoresTheLateAnswer() {
        HealthCheck check = HealthCheck.defaults()
                .withInterval(Duration.ofSeconds(10))
                .withTimeout(Duration.ofSeconds(4))
                .withRetries(1);
        monitor.watch("web", check, scheduler.now());
        scheduler.advance(Duration.ofSeconds(13));
        assertThat(events).isEmpty();
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(events).containsExactly("web starting -> unhealthy @14s");
        HealthState state = monitor.state("web").orElseThrow();
        assertThat(state.log()).singleElement().satisfies(p -> {
            assertThat(p.exitCode()).isEqualTo(-1);
            assertThat(p.output()).isEqualTo("Health check exceeded timeout (4s)");
            assertThat(p.end()).isEqualTo(p.start().plusSeconds(4));
        });
        hanging.getFirst().complete(new Prober.ProbeOutput(0, "too late"));
        assertThat(monitor.state("web").orElseThrow().log()).hasSize(1);
        assertThat(events).hasSize(1);
        assertThat(scheduler.pending())
                .as("next probe 10s after the timed-out one ended")
                .containsExactly(Duration.ofSeconds(10));
    }

    @Test
    void aProbeAnsweringInTimeCancelsItsTimeoutAndTheNextIntervalCountsFromItsEnd() {
        monitor.watch("web", HealthCheck.defaults().withInterval(Duration.ofSeconds(10)), scheduler.now());
        scheduler.advance(Duration.ofSeconds(12));
        assertThat(scheduler.pending()).containsExactly(Duration.ofSeconds(28));
        hanging.getFirst().complete(new Prober.ProbeOutput(0, "ok"));
        assertThat(events).containsExactly("web starting -> healthy @12s");
        assertThat(scheduler.pending()).containsExactly(Duration.ofSeconds(10));
        assertThat(monitor.state("web").orElseThrow().log().getFirst().output()).isEqualTo("ok");
    }

    @Test
    void aProbeThatCannotRunCountsAsAFailure() {
        Prober broken = (container, timeout) -> Future.failedFuture(new IllegalStateException("container not running"));
        HealthMonitor brokenMonitor =
                new HealthMonitor(new DirectLoop(), scheduler, scheduler, broken, e -> events.add(e.to().text()));
        brokenMonitor.watch("web", HealthCheck.defaults().withRetries(1), scheduler.now());
        scheduler.advance(Duration.ofSeconds(30));
        assertThat(events).containsExactly("unhealthy");
        assertThat(brokenMonitor.state("web").orElseThrow().log().getFirst().output())
                .isEqualTo("container not running");
    }

    @Test
    void aProberThatThrowsCountsAsAFailure() {
        Prober throwing = (container, timeout) -> {
            throw new IllegalStateException("exec refused");
        };
        HealthMonitor throwingMonitor =
                new HealthMonitor(new DirectLoop(), scheduler, scheduler, throwing, e -> events.add(e.to().text()));
        throwingMonitor.watch("web", HealthCheck.defaults().withRetries(1), scheduler.now());
        scheduler.advance(Duration.ofSeconds(30));
        assertThat(events).containsExactly("unhealthy");
    }

    @Test
    void unwatchStopsProbingAndDropsAProbeInFlight() {
        monitor.watch("web", HealthCheck.defaults().withInterval(Duration.ofSeconds(10)), scheduler.now());
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(probes).hasSize(1);
        monitor.unwatch("web");
        assertThat(scheduler.pending()).isEmpty();
        hanging.getFirst().complete(new Prober.ProbeOutput(0, "ok"));
        scheduler.advance(Duration.ofMinutes(5));
        assertThat(probes).hasSize(1);
        assertThat(events).isEmpty();
        assertThat(monitor.state("web")).isEmpty();
    }

    @Test
    void watchingAgainRestartsFromStarting() {
        answer(0);
        monitor.watch("web", HealthCheck.defaults().withInterval(Duration.ofSeconds(10)), scheduler.now());
        scheduler.advance(Duration.ofSeconds(10));
        monitor.watch("web", HealthCheck.defaults().withInterval(Duration.ofSeconds(10)), scheduler.now());
        assertThat(monitor.state("web").orElseThrow().status()).isEqualTo(Health.STARTING);
        assertThat(scheduler.pending()).containsExactly(Duration.ofSeconds(10));
    }

    @Test
    void containersAreMonitoredIndependently() {
        answer(0, 1);
        monitor.watch("a", HealthCheck.defaults().withInterval(Duration.ofSeconds(10)), scheduler.now());
        monitor.watch(
                "b", HealthCheck.defaults().withInterval(Duration.ofSeconds(10)).withRetries(1), scheduler.now());
        scheduler.advance(Duration.ofSeconds(10));
        assertThat(events).containsExactly("a starting -> healthy @10s", "b starting -> unhealthy @10s");
    }
}
