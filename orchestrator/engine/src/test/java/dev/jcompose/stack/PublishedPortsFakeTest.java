package dev.jcompose.stack;

import dev.jcompose.nat.PublishedPort;
import dev.jcompose.network.EndpointRecord;
import dev.jcompose.state.ContainerState;
import java.io.IOException;

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

    private static boolean publishes(EndpointRecord e, int port) {
        return e.ports().stream().map(PublishedPort::hostPort).anyMatch(p -> p == port);
    }
}
