package dev.jcompose.lease;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.api.ProjectLease;
import dev.jcompose.host.ProcessTable;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LeaseWatchTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant OWNER_START = Instant.parse("2026-12-07T09:00:00.250Z");

    /** A process table the test edits: pid to start time. */
    private final Map<Long, Instant> running = new HashMap<>();

    private final ProcessTable table = pid -> Optional.ofNullable(running.get(pid));
    private final LeaseWatch watch = new LeaseWatch(table);

    private static SortedMap<String, ProjectLease> leases(ProjectLease... held) {
        SortedMap<String, ProjectLease> out = new TreeMap<>();
        for (int i = 0; i < held.length; i++) {
            out.put("p" + i, held[i]);
        }
        return out;
    }

    private static ProjectLease lease(long pid, Duration grace) {
        return new ProjectLease(pid, OWNER_START, grace);
    }

    @Test
    void aLiveOwnerKeepsItsProject() {
        running.put(10L, OWNER_START.plusMillis(400)); // another JVM's rounding of the same start
        assertThat(watch.due(leases(lease(10, Duration.ZERO)), T0)).isEmpty();
        assertThat(watch.due(leases(lease(10, Duration.ZERO)), T0.plusSeconds(3600)))
                .isEmpty();
    }

    @Test
    void aGoneOwnersProjectIsDueOnceTheGracePeriodHasPassedSinceItWasFirstMissed() {
        SortedMap<String, ProjectLease> held = leases(lease(10, Duration.ofSeconds(5)));
        assertThat(watch.due(held, T0)).isEmpty();
        assertThat(watch.due(held, T0.plusSeconds(4))).isEmpty();
        assertThat(watch.due(held, T0.plusSeconds(5))).containsExactly("p0");
    }

    @Test
    void aReusedPidIsNotTheOwner() {
        running.put(10L, OWNER_START.plusSeconds(30));
        assertThat(watch.due(leases(lease(10, Duration.ZERO)), T0)).containsExactly("p0");
    }

    @Test
    void anOwnerBackWithinTheGraceResetsTheClock() {
        SortedMap<String, ProjectLease> held = leases(lease(10, Duration.ofSeconds(5)));
        assertThat(watch.due(held, T0)).isEmpty();
        running.put(10L, OWNER_START);
        assertThat(watch.due(held, T0.plusSeconds(3))).isEmpty();
        running.clear();
        assertThat(watch.due(held, T0.plusSeconds(6))).isEmpty();
        assertThat(watch.due(held, T0.plusSeconds(11))).containsExactly("p0");
    }

    @Test
    void aFailedTakeDownIsRetriedAfterTheRetryPeriodOnly() {
        SortedMap<String, ProjectLease> held = leases(lease(10, Duration.ZERO));
        assertThat(watch.due(held, T0)).containsExactly("p0");
        watch.failed("p0", T0);
        assertThat(watch.due(held, T0.plusSeconds(1))).isEmpty();
        assertThat(watch.due(held, T0.plus(LeaseWatch.RETRY))).containsExactly("p0");
    }

    @Test
    void severalProjectsComeOutSorted() {
        running.put(11L, OWNER_START);
        assertThat(watch.due(leases(lease(10, Duration.ZERO), lease(11, Duration.ZERO), lease(12, Duration.ZERO)), T0))
                .containsExactly("p0", "p2");
    }
}
