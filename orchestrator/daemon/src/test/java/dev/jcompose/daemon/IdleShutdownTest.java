package dev.jcompose.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.engine.ManualScheduler;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdleShutdownTest {
    private final ManualScheduler scheduler = new ManualScheduler();
    private final AtomicInteger stops = new AtomicInteger();
    private final AtomicBoolean keepAlive = new AtomicBoolean();
    private final IdleShutdown idle =
            new IdleShutdown(scheduler, Duration.ofMinutes(10), keepAlive::get, stops::incrementAndGet);

    @Test
    void anEngineNobodyTalksToStopsAfterTheTimeout() {
        idle.start();

        scheduler.advance(Duration.ofMinutes(9));
        assertThat(stops).hasValue(0);
        scheduler.advance(Duration.ofMinutes(1));
        assertThat(stops).hasValue(1);
    }

    @Test
    void aConnectedClientKeepsItAliveAndTheClockRestartsWhenTheLastOneLeaves() {
        idle.start();
        scheduler.advance(Duration.ofMinutes(9));
        idle.opened();
        idle.opened();
        scheduler.advance(Duration.ofHours(1));
        idle.closed();
        scheduler.advance(Duration.ofHours(1));
        assertThat(stops).hasValue(0);

        idle.closed();
        scheduler.advance(Duration.ofMinutes(9));
        assertThat(stops).hasValue(0);
        scheduler.advance(Duration.ofMinutes(1));
        assertThat(stops).hasValue(1);
    }

    @Test
    void aVetoPostponesTheStopByAnotherTimeout() {
        idle.start();
        keepAlive.set(true);
        scheduler.advance(Duration.ofMinutes(10));
        assertThat(stops).hasValue(0);
        assertThat(scheduler.pending()).containsExactly(Duration.ofMinutes(10));

        keepAlive.set(false);
        scheduler.advance(Duration.ofMinutes(10));
        assertThat(stops).hasValue(1);
        assertThat(scheduler.pending()).isEmpty();
    }
}
