package dev.jcompose.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.api.ContainerSummary;
import dev.jcompose.api.DownOptions;
import dev.jcompose.api.UpOptions;
import dev.jcompose.model.Project;
import dev.jcompose.observe.Labels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * stop, start, restart and {@code down -p NAME} (no compose files) follow the dependency graph the
 * containers' labels carry: dependents stop first, dependencies start first and dependents wait for
 * their conditions. The order is read from the progress events, on the real host
 * ({@link DependencyOrderRootTest}) and on the fake one ({@link DependencyOrderFakeTest}).
 */
abstract class DependencyOrderScenarios {
    private static final Duration STOP = Duration.ofSeconds(5);

    /** A new host for one test (skips the test when the host cannot run it). */
    abstract StackHost open() throws Exception;

    @Test
    void stopStartRestartAndDownWithoutFilesFollowTheDependencyGraph() throws Exception {
        try (StackHost fx = open()) {
            Path dir = Files.createDirectories(fx.dir().resolve("order"));
            // store becomes healthy a second after each start: its marker file is removed first, since a
            // started-again container keeps its writable layer (probed every 200ms meanwhile, not every 5s)
            Files.writeString(dir.resolve("compose.yaml"), """
                    x-serve: &serve ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 0.1; done"]
                    services:
                      front:
                        image: busybox:1.36
                        command: *serve
                        restart: always
                        depends_on: [api]
                      api:
                        image: busybox:1.36
                        command: *serve
                        depends_on:
                          store:
                            condition: service_healthy
                      store:
                        image: busybox:1.36
                        command: ["sh", "-c", "rm -f /ready; sleep 1; touch /ready; trap 'exit 0' TERM; while :; do sleep 0.1; done"]
                        healthcheck:
                          test: ["CMD", "test", "-f", "/ready"]
                          interval: 200ms
                          start_period: 30s
                          start_interval: 200ms
                    """);
            Project project = fx.load(dir, "order", Map.of());
            String p = fx.project("order");
            String front = p + "-front-1";
            String api = p + "-api-1";
            String store = p + "-store-1";
            fx.compose().up(project, UpOptions.defaults(), fx.listener());
            assertThat(fx.compose().ps(p, true))
                    .extracting(c -> c.name() + " " + c.labels().get(Labels.DEPENDS_ON))
                    .containsExactly(
                            api + " store:service_healthy:false", front + " api:service_started:false", store + " ");

            fx.clearEvents();
            fx.compose().stop(p, List.of(), STOP, fx.listener());
            assertThat(fx.compose().ps(p, false)).isEmpty();
            assertOrder(fx, "Container " + front + " Stopped", "Container " + api + " Stopping");
            assertOrder(fx, "Container " + api + " Stopped", "Container " + store + " Stopping");
            // the user stopped front: its restart policy (always) does not start it again
            String frontId = fx.compose().ps(p, true).stream()
                    .filter(c -> c.name().equals(front))
                    .findFirst()
                    .orElseThrow()
                    .id();
            assertThat(fx.stack().supervision.restartPending(frontId)).isFalse();

            fx.clearEvents();
            fx.compose().start(p, List.of(), fx.listener());
            assertOrder(fx, "Container " + store + " Started", "Container " + store + " Waiting");
            assertOrder(fx, "Container " + store + " Waiting", "Container " + store + " Healthy");
            assertOrder(fx, "Container " + store + " Healthy", "Container " + api + " Starting");
            assertOrder(fx, "Container " + api + " Started", "Container " + front + " Starting");
            assertThat(fx.compose().ps(p, false))
                    .extracting(ContainerSummary::name)
                    .containsExactly(api, front, store);

            fx.clearEvents();
            fx.compose().restart(p, List.of(), STOP, fx.listener());
            assertOrder(fx, "Container " + front + " Stopped", "Container " + api + " Stopping");
            assertOrder(fx, "Container " + api + " Stopped", "Container " + store + " Stopping");
            assertOrder(fx, "Container " + store + " Stopped", "Container " + store + " Starting");
            assertOrder(fx, "Container " + store + " Healthy", "Container " + api + " Starting");
            assertOrder(fx, "Container " + api + " Started", "Container " + front + " Starting");
            assertThat(fx.compose().ps(p, false))
                    .extracting(ContainerSummary::name)
                    .containsExactly(api, front, store);

            fx.clearEvents();
            fx.compose().down(p, Optional.empty(), new DownOptions(true, true, Duration.ofSeconds(1)), fx.listener());
            // down stops along the graph; each container is removed once stopped, removals side by side
            assertOrder(fx, "Container " + front + " Stopped", "Container " + api + " Stopping");
            assertOrder(fx, "Container " + api + " Stopped", "Container " + store + " Stopping");
            assertOrder(fx, "Container " + front + " Stopped", "Container " + front + " Removing");
            assertThat(fx.compose().ps(p, true)).isEmpty();
            assertThat(fx.stack().network.networks().state().networks()).isEmpty();
        }
    }

    /** {@code first} happened, and before {@code then}, which happened too. */
    private static void assertOrder(StackHost fx, String first, String then) {
        List<String> events = fx.rendered();
        assertThat(events.indexOf(first))
                .as(first + " before " + then + " in:\n" + String.join("\n", events))
                .isNotNegative()
                .isLessThan(events.indexOf(then));
    }
}
