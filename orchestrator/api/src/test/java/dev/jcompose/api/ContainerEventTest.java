package dev.jcompose.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContainerEventTest {
    @ParameterizedTest
    @CsvSource({
        "Created,create",
        "Recreated,create",
        "Started,start",
        "Stopped,stop",
        "Exited,die",
        "Killed,kill",
        "Paused,pause",
        "Unpaused,unpause",
        "Removed,destroy",
        "Restarted,restart",
        "Healthy,health_status: healthy",
        "Unhealthy,health_status: unhealthy"
    })
    void doneStatusesAreComposeActions(String status, String action) {
        assertThat(EventActions.of(StackEvent.container("p-web-1", status))).contains(action);
    }

    @ParameterizedTest
    @CsvSource({
        "Container,Creating",
        "Container,Starting",
        "Container,Stopping",
        "Container,Removing",
        "Container,Waiting",
        "Network,Created",
        "Volume,Removed"
    })
    void doingStatusesAndOtherKindsAreNoEvents(String kind, String status) {
        assertThat(EventActions.of(new StackEvent(kind, "x", status, ""))).isEmpty();
    }

    @Test
    void exitCodeComesFromTheExitedDetail() {
        assertThat(EventActions.exitCode(new StackEvent("Container", "p-web-1", "Exited", "(137)")))
                .contains("137");
        assertThat(EventActions.exitCode(StackEvent.container("p-web-1", "Stopped")))
                .isEmpty();
    }

    @Test
    void textIsComposesLine() {
        ContainerEvent e = new ContainerEvent(
                Instant.parse("2026-01-02T03:04:05.5Z"),
                "container",
                "die",
                "abc123",
                "web",
                new TreeMap<>(Map.of("name", "p-web-1", "image", "busybox:1.36", "exitCode", "4")));
        assertThat(e.renderText())
                .isEqualTo(
                        "2026-01-02T03:04:05.500000000Z container die abc123 (exitCode=4, image=busybox:1.36, name=p-web-1)");
    }
}
