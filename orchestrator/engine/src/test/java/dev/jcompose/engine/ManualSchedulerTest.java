package dev.jcompose.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualSchedulerTest {
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<String> fired = new ArrayList<>();

    @Test
    void firesDueTimersInDueOrderWithTheClockAtTheirDueTime() {
        scheduler.setTimer(Duration.ofSeconds(3), () -> fired.add("c@" + scheduler.elapsed()));
        scheduler.setTimer(Duration.ofSeconds(1), () -> fired.add("a@" + scheduler.elapsed()));
        scheduler.setTimer(Duration.ofSeconds(1), () -> fired.add("b@" + scheduler.elapsed()));
        scheduler.advance(Duration.ofSeconds(2));
        assertThat(fired).containsExactly("a@PT1S", "b@PT1S");
        assertThat(scheduler.elapsed()).isEqualTo(Duration.ofSeconds(2));
        assertThat(scheduler.pending()).containsExactly(Duration.ofSeconds(1));
        scheduler.advance(Duration.ofSeconds(1));
        assertThat(fired).containsExactly("a@PT1S", "b@PT1S", "c@PT3S");
    }

    @Test
    void timersSetWhileFiringFireInTheSameAdvanceWhenDue() {
        scheduler.setTimer(
                Duration.ofSeconds(1),
                () -> scheduler.setTimer(Duration.ofSeconds(1), () -> fired.add("chained@" + scheduler.elapsed())));
        scheduler.advance(Duration.ofSeconds(5));
        assertThat(fired).containsExactly("chained@PT2S");
        assertThat(scheduler.now()).isEqualTo(Instant.parse("2026-01-01T00:00:05Z"));
    }

    @Test
    void cancelledTimersNeverFire() {
        long id = scheduler.setTimer(Duration.ofSeconds(1), () -> fired.add("x"));
        scheduler.cancel(id);
        scheduler.advance(Duration.ofSeconds(2));
        assertThat(fired).isEmpty();
        assertThat(scheduler.pending()).isEmpty();
    }
}
