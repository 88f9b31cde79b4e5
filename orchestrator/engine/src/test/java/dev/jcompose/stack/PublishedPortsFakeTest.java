package dev.jcompose.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.api.DownOptions;
import dev.jcompose.api.UpOptions;
import dev.jcompose.model.Project;
import dev.jcompose.nat.PublishedPort;
import dev.jcompose.network.EndpointRecord;
import dev.jcompose.state.ContainerState;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link PublishedPortsScenarios} without root: a port is "reachable" when the fake network publishes it
 * for a running container, "bindable" when no endpoint holds it.
 */
class PublishedPortsFakeTest extends PublishedPortsScenarios {
    @Override
    StackHost open() throws IOException {
        return new FakeStackFixture();
    }

    @Override
    int freePort() {
        return 18080;
    }

    @Override
    void reachable(StackHost fx, int port) {
        boolean served = fx.stack().network.endpoints().state().endpoints().values().stream()
                .filter(e -> publishes(e, port))
                .anyMatch(e -> fx.stack().runtime.inspect(e.id()).state() == ContainerState.RUNNING);
        if (!served) {
            throw new AssertionError("no running container publishes 127.0.0.1:" + port);
        }
    }

    @Override
    boolean bindable(StackHost fx, int port) {
        return fx.stack().network.endpoints().state().endpoints().values().stream()
                .noneMatch(e -> publishes(e, port));
    }

    @Test
    void downRemovesContainersWithTheirPortsInsteadOfReleasingThemFirst() throws Exception {
        try (FakeStackFixture fx = new FakeStackFixture()) {
            Project project = fx.write("chain", """
                    services:
                      a:
                        image: busybox:1.36
                        command: ["sleep", "300"]
                        ports: ["127.0.0.1:18081:80"]
                      b:
                        image: busybox:1.36
                        command: ["sleep", "300"]
                        ports: ["127.0.0.1:18082:80"]
                        depends_on: [a]
                    """);
            fx.compose().up(project, UpOptions.defaults(), fx.listener());
            fx.compose().stop(fx.project("chain"), List.of("b"), Duration.ofSeconds(1), fx.listener());
            String b =
                    fx.stack().containers.require(fx.project("chain") + "-b-1").id();
            assertThat(fx.network.released()).as("a stop releases the ports").containsExactly(b);

            fx.compose().down(fx.project("chain"), Optional.of(project), DownOptions.defaults(), fx.listener());

            assertThat(fx.network.released())
                    .as("down's stops keep the ports: each goes with its endpoint, one rules change each")
                    .containsExactly(b);
            assertThat(fx.stack().network.endpoints().state().endpoints()).isEmpty();
        }
    }

    private static boolean publishes(EndpointRecord e, int port) {
        return e.ports().stream().map(PublishedPort::hostPort).anyMatch(p -> p == port);
    }
}
