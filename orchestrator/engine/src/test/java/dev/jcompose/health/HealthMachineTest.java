package dev.jcompose.health;

import static dev.jcompose.state.Health.HEALTHY;
import static dev.jcompose.state.Health.STARTING;
import static dev.jcompose.state.Health.UNHEALTHY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.JcomposeException;
import dev.jcompose.state.Health;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthMachineTest {
    private static final Instant STARTED = Instant.parse("2026-01-01T00:00:00Z");

    private static Instant at(long seconds) {
        return STARTED.plusSeconds(seconds);
    }

    private static ProbeResult probe(long startSecond, int exitCode) {
        return new ProbeResult(at(startSecond), at(startSecond), exitCode, "exit " + exitCode);
    }

    private static HealthState state(Health status, int streak) {
        return new HealthState(status, streak, List.of());
    }

    @Test
    void defaultsAreDockers() {
        HealthCheck check = HealthCheck.defaults();
        assertThat(check.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(check.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(check.retries()).isEqualTo(3);
        assertThat(check.startPeriod()).isEqualTo(Duration.ZERO);
        assertThat(check.startInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(new HealthCheck(Duration.ZERO, Duration.ZERO, -1, Duration.ZERO, Duration.ZERO))
                .isEqualTo(check);
    }

    @Test
    void negativeDurationsAreRejected() {
        assertThatThrownBy(() -> HealthCheck.defaults().withInterval(Duration.ofSeconds(-1)))
                .isInstanceOf(JcomposeException.class)
                .hasMessage("healthcheck interval is negative: -1s");
        assertThatThrownBy(() -> HealthCheck.defaults().withStartInterval(Duration.ofMillis(-500)))
                .isInstanceOf(JcomposeException.class)
                .hasMessage("healthcheck start_interval is negative: -500ms");
    }

    @Test
    void withoutAStartPeriodProbesRunEveryInterval() {
        HealthMachine machine = new HealthMachine(HealthCheck.defaults().withInterval(Duration.ofSeconds(10)), STARTED);
        assertThat(machine.nextProbeDelay(HealthState.initial(), at(0))).isEqualTo(Duration.ofSeconds(10));
        assertThat(machine.nextProbeDelay(state(HEALTHY, 0), at(100))).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void insideTheStartPeriodStartingContainersUseTheStartInterval() {
        HealthMachine machine = new HealthMachine(
                HealthCheck.defaults()
                        .withInterval(Duration.ofSeconds(10))
                        .withStartPeriod(Duration.ofSeconds(60))
                        .withStartInterval(Duration.ofSeconds(2)),
                STARTED);
        assertThat(machine.nextProbeDelay(HealthState.initial(), at(0))).isEqualTo(Duration.ofSeconds(2));
        assertThat(machine.nextProbeDelay(HealthState.initial(), at(59))).isEqualTo(Duration.ofSeconds(2));
        assertThat(machine.nextProbeDelay(HealthState.initial(), at(60))).isEqualTo(Duration.ofSeconds(10));
        assertThat(machine.nextProbeDelay(state(HEALTHY, 0), at(5)))
                .as("healthy: back to interval")
                .isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aSuccessMakesItHealthyAndResetsTheStreak() {
        HealthMachine machine = new HealthMachine(HealthCheck.defaults(), STARTED);
        HealthState after = machine.apply(state(UNHEALTHY, 7), probe(100, 0));
        assertThat(after.status()).isEqualTo(HEALTHY);
        assertThat(after.failingStreak()).isZero();
    }

    @Test
    void failuresCountUpToRetriesThenUnhealthy() {
        HealthMachine machine = new HealthMachine(HealthCheck.defaults().withRetries(2), STARTED);
        HealthState one = machine.apply(HealthState.initial(), probe(30, 1));
        assertThat(one.status()).isEqualTo(STARTING);
        assertThat(one.failingStreak()).isEqualTo(1);
        HealthState two = machine.apply(one, probe(60, 1));
        assertThat(two.status()).isEqualTo(UNHEALTHY);
        assertThat(two.failingStreak()).isEqualTo(2);
        HealthState three = machine.apply(two, probe(90, 1));
        assertThat(three.status()).isEqualTo(UNHEALTHY);
        assertThat(three.failingStreak()).isEqualTo(3);
    }

    @Test
    void aHealthyContainerStaysHealthyUntilRetriesFailuresInARow() {
        HealthMachine machine = new HealthMachine(HealthCheck.defaults(), STARTED);
        HealthState s = state(HEALTHY, 0);
        s = machine.apply(s, probe(30, 1));
        s = machine.apply(s, probe(60, 1));
        assertThat(s.status()).isEqualTo(HEALTHY);
        s = machine.apply(s, probe(90, 0));
        s = machine.apply(s, probe(120, 1));
        s = machine.apply(s, probe(150, 1));
        assertThat(s.status()).as("the success reset the streak").isEqualTo(HEALTHY);
        s = machine.apply(s, probe(180, 1));
        assertThat(s.status()).isEqualTo(UNHEALTHY);
    }

    @Test
    void anyNonZeroExitCodeIsAFailure() {
        HealthMachine machine = new HealthMachine(HealthCheck.defaults().withRetries(1), STARTED);
        assertThat(machine.apply(state(HEALTHY, 0), probe(30, 2)).status()).isEqualTo(UNHEALTHY);
        assertThat(machine.apply(state(HEALTHY, 0), probe(30, -1)).status()).isEqualTo(UNHEALTHY);
    }

    @Test
    void failuresInsideTheStartPeriodDoNotCountButASuccessThereCounts() {
        HealthMachine machine = new HealthMachine(
                HealthCheck.defaults().withRetries(1).withStartPeriod(Duration.ofSeconds(60)), STARTED);
        HealthState s = machine.apply(HealthState.initial(), probe(5, 1));
        s = machine.apply(s, probe(59, 1));
        assertThat(s.status()).isEqualTo(STARTING);
        assertThat(s.failingStreak()).isZero();
        assertThat(s.log()).hasSize(2);
        assertThat(machine.apply(s, probe(60, 1)).status())
                .as("first probe after the period counts")
                .isEqualTo(UNHEALTHY);
        HealthState healthy = machine.apply(s, probe(10, 0));
        assertThat(healthy.status()).isEqualTo(HEALTHY);
        assertThat(machine.apply(healthy, probe(20, 1)).status())
                .as("once healthy, failures count even inside the start period")
                .isEqualTo(UNHEALTHY);
    }

    @Test
    void theStartPeriodIsJudgedByTheProbesStartTime() {
        HealthMachine machine = new HealthMachine(
                HealthCheck.defaults().withRetries(1).withStartPeriod(Duration.ofSeconds(60)), STARTED);
        ProbeResult startedInsideEndedAfter = new ProbeResult(at(59), at(75), 1, "slow");
        assertThat(machine.apply(HealthState.initial(), startedInsideEndedAfter).status())
                .isEqualTo(STARTING);
    }

    @Test
    void keepsTheLastFiveProbesOldestFirst() {
        HealthMachine machine = new HealthMachine(HealthCheck.defaults().withRetries(100), STARTED);
        HealthState s = HealthState.initial();
        for (int i = 1; i <= 7; i++) {
            s = machine.apply(s, probe(i * 30L, i));
        }
        assertThat(s.log()).extracting(ProbeResult::exitCode).containsExactly(3, 4, 5, 6, 7);
    }

    @Test
    void timedOutAndUnrunnableProbesAreFailuresWithDockersOutput() {
        HealthMachine machine = new HealthMachine(HealthCheck.defaults().withTimeout(Duration.ofMillis(1500)), STARTED);
        ProbeResult timedOut = machine.timedOut(at(30), at(31));
        assertThat(timedOut.exitCode()).isEqualTo(-1);
        assertThat(timedOut.output()).isEqualTo("Health check exceeded timeout (1.5s)");
        ProbeResult failed =
                machine.couldNotRun(at(30), at(30), new IllegalStateException("exec: \"curl\": not found"));
        assertThat(failed.exitCode()).isEqualTo(-1);
        assertThat(failed.output()).isEqualTo("exec: \"curl\": not found");
    }

    @Test
    void probeOutputIsTruncatedLikeDockers() {
        ProbeResult big = new ProbeResult(at(0), at(1), 0, "x".repeat(5000));
        assertThat(big.output()).hasSize(4096);
        assertThat(new ProbeResult(at(0), at(1), 0, null).output()).isEmpty();
    }

    @Test
    void statusesAreSpelledLikeDockerInspect() {
        assertThat(List.of(STARTING, HEALTHY, UNHEALTHY))
                .extracting(Health::text)
                .containsExactly("starting", "healthy", "unhealthy");
    }
}
