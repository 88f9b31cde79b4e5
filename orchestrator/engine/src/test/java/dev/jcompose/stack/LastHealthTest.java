package dev.jcompose.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.health.HealthState;
import dev.jcompose.state.Health;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LastHealthTest {
    private static final Instant RUN = Instant.parse("2026-11-23T04:00:00Z");

    @Test
    void resumesOnlyForTheRunItWasSavedFor() {
        LastHealth saved = new LastHealth(Health.HEALTHY, 0, RUN);
        assertThat(saved.resume(RUN)).contains(new HealthState(Health.HEALTHY, 0, List.of()));
        assertThat(saved.resume(RUN.plusSeconds(5))).as("restarted since").isEmpty();
        assertThat(new LastHealth(Health.HEALTHY, 0, null).resume(RUN)).isEmpty();
    }
}
