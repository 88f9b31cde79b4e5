package dev.jcompose.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.api.ContainerSummary;
import dev.jcompose.api.DownOptions;
import dev.jcompose.api.StackEvent;
import dev.jcompose.api.UpOptions;
import dev.jcompose.engine.EngineContext;
import dev.jcompose.model.Project;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A new engine applies restart policies to the containers that exited while no engine watched them, as
 * dockerd does when it starts: {@code always} and {@code unless-stopped} come back, {@code on-failure:N}
 * after a failure while restarts are left (counting those the first engine made), {@code no} and a clean
 * on-failure exit stay down, and a user stop keeps {@code unless-stopped} down (not {@code always}).
 */
class AdoptedRestartsFakeTest {
    private static final DownOptions DOWN_V = new DownOptions(true, true, Duration.ofSeconds(1));
    private static final Duration SOON = Duration.ofSeconds(20);

    @Test
    void aSecondEngineRestartsWhatExitedWhileNoEngineWatchedPerItsPolicy() throws Exception {
        try (FakeStackFixture fx = new FakeStackFixture()) {
            Project project = fx.write("adopted", """
                    services:
                      always: {image: busybox:1.36, restart: always}
                      unless: {image: busybox:1.36, restart: unless-stopped}
                      unless-stopped-by-user: {image: busybox:1.36, restart: unless-stopped}
                      always-stopped-by-user: {image: busybox:1.36, restart: always}
                      failing: {image: busybox:1.36, restart: "on-failure:2"}
                      spent: {image: busybox:1.36, restart: "on-failure:1"}
                      clean: {image: busybox:1.36, restart: on-failure}
                      never: {image: busybox:1.36, restart: "no"}
                    """);
            fx.compose.up(project, UpOptions.defaults(), fx.listener());
            fx.compose.stop(
                    "adopted",
                    List.of("unless-stopped-by-user", "always-stopped-by-user"),
                    Duration.ofSeconds(1),
                    fx.listener());
            fx.runtime.exit(fx.id("adopted-spent-1"), 1); // its one restart, made by the first engine
            StackHost.await(
                    "spent restarted once", SOON, () -> fx.rendered().contains("Container adopted-spent-1 Restarted"));
            fx.stack.close(); // the first engine is gone; the containers go on, then exit unwatched

            Map<String, Integer> exits = new TreeMap<>(
                    Map.of("always", 137, "unless", 0, "failing", 1, "spent", 1, "clean", 0, "never", 137));
            exits.forEach((service, code) -> fx.runtime.exit(fx.id("adopted-" + service + "-1"), code));

            List<StackEvent> heard = Collections.synchronizedList(new ArrayList<>());
            try (EngineContext secondEngine = EngineContext.create();
                    Stack second = fx.openAnother(secondEngine)) {
                second.subscribe(heard::add);
                second.service().ps("adopted", false); // any command adopts the project's containers
                List<String> restarted = List.of("always", "unless", "failing", "always-stopped-by-user");
                StackHost.await(
                        "the second engine restarts " + restarted,
                        SOON,
                        () -> restarted.stream()
                                .allMatch(s -> rendered(heard).contains("Container adopted-" + s + "-1 Restarted")));

                Map<String, String> status = new TreeMap<>();
                for (ContainerSummary c : second.service().ps("adopted", true)) {
                    status.put(c.service(), c.status());
                }
                assertThat(status.remove("unless-stopped-by-user")).startsWith("exited (");
                assertThat(status)
                        .containsExactlyInAnyOrderEntriesOf(Map.of(
                                "always", "running",
                                "unless", "running",
                                "failing", "running",
                                "always-stopped-by-user", "running",
                                "spent", "exited (1)",
                                "clean", "exited (0)",
                                "never", "exited (137)"));
                for (String s : List.of("unless-stopped-by-user", "spent", "clean", "never")) {
                    assertThat(second.supervision.restartPending(fx.id("adopted-" + s + "-1")))
                            .as(s)
                            .isFalse();
                }
                assertThat(rendered(heard))
                        .noneMatch(e -> e.endsWith("Restarted")
                                && List.of("unless-stopped-by-user", "spent", "clean", "never").stream()
                                        .anyMatch(s -> e.contains("adopted-" + s + "-1")));
                second.service().down("adopted", Optional.of(project), DOWN_V, fx.listener());
            }
        }
    }

    private static List<String> rendered(List<StackEvent> events) {
        synchronized (events) {
            return events.stream().map(StackEvent::render).toList();
        }
    }
}
