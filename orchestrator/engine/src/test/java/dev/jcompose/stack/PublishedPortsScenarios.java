package dev.jcompose.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.api.ContainerSummary;
import dev.jcompose.api.DownOptions;
import dev.jcompose.api.StackListener;
import dev.jcompose.api.UpOptions;
import dev.jcompose.engine.EngineContext;
import dev.jcompose.model.Project;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A stopped container holds no published port, as with docker: the host port is free until it starts
 * again. Run on the real host ({@link PublishedPortsRootTest}) and on the fake one ({@link PublishedPortsFakeTest}).
 */
abstract class PublishedPortsScenarios {
    private static final DownOptions FAST_DOWN = new DownOptions(true, true, Duration.ofSeconds(1));

    /** A new host for one test (skips the test when the host cannot run it). */
    abstract StackHost open() throws Exception;

    /** A host port nothing listens on now. */
    abstract int freePort() throws Exception;

    /** Waits until the service published on 127.0.0.1:port answers. */
    abstract void reachable(StackHost fx, int port);

    /** Whether another program could listen on 127.0.0.1:port (no container publishes it). */
    abstract boolean bindable(StackHost fx, int port);

    private static List<?> publishedOf(StackHost fx, String containerName) {
        String id = fx.stack().containers.require(containerName).id();
        return fx.stack().network.endpoints().state().endpoints().get(id).ports();
    }

    @Test
    void stopReleasesThePortAndStartPublishesItAgain() throws Exception {
        try (StackHost fx = open()) {
            int port = freePort();
            Project project = fx.write("ports", """
                    services:
                      web:
                        image: busybox:1.36
                        command: ["sh", "-c", "echo hi > /tmp/index.html; exec httpd -f -p 80 -h /tmp"]
                        ports: ["127.0.0.1:%d:80"]
                    """.formatted(port));
            String p = fx.project("ports");
            String web = p + "-web-1";
            fx.compose().up(project, UpOptions.defaults(), fx.listener());
            reachable(fx, port);
            assertThat(bindable(fx, port)).isFalse();

            fx.compose().stop(p, List.of(), Duration.ofSeconds(1), fx.listener());
            assertThat(publishedOf(fx, web)).isEmpty();
            assertThat(bindable(fx, port))
                    .as("the port is free while the container is stopped")
                    .isTrue();
            assertThat(fx.compose().ps(p, true))
                    .extracting(ContainerSummary::ports)
                    .containsExactly(List.of());

            // another project may publish the port meanwhile; this one cannot start until it is free again
            Project other = fx.write("other", """
                    services:
                      web:
                        image: busybox:1.36
                        command: ["sleep", "300"]
                        ports: ["127.0.0.1:%d:80"]
                    """.formatted(port));
            fx.compose().up(other, UpOptions.defaults(), fx.listener());
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> fx.compose().start(p, List.of(), fx.listener()))
                    .hasMessageStartingWith("cannot publish 127.0.0.1:" + port + "/tcp for ");
            assertThat(publishedOf(fx, web)).isEmpty();
            fx.compose().down(fx.project("other"), Optional.of(other), FAST_DOWN, fx.listener());

            fx.compose().start(p, List.of(), fx.listener());
            reachable(fx, port);
            fx.compose().restart(p, List.of(), Duration.ofSeconds(1), fx.listener());
            reachable(fx, port);
            assertThat(publishedOf(fx, web)).hasSize(1);

            fx.compose().down(p, Optional.of(project), FAST_DOWN, fx.listener());
            assertThat(bindable(fx, port)).isTrue();
        }
    }

    @Test
    void aContainerThatExitedWhileNoEngineWatchedLosesItsPortsWhenAdopted() throws Exception {
        try (StackHost fx = open()) {
            int port = freePort();
            Project project = fx.write("adopt", """
                    services:
                      web:
                        image: busybox:1.36
                        command: ["sh", "-c", "echo hi > /tmp/index.html; exec httpd -f -p 80 -h /tmp"]
                        ports: ["127.0.0.1:%d:80"]
                    """.formatted(port));
            String p = fx.project("adopt");
            String web = p + "-web-1";
            // an engine that is gone by the time the container dies (killed: its containers keep running)
            try (EngineContext goneEngine = EngineContext.create();
                    Stack gone = fx.openAnother(goneEngine)) {
                gone.service().up(project, UpOptions.defaults(), StackListener.none());
            }
            reachable(fx, port);
            String id = fx.stack().containers.require(web).id();
            fx.stack().runtime.kill(id, "SIGKILL");
            StackHost.await(
                    "the exit",
                    Duration.ofSeconds(20),
                    () -> fx.stack().runtime.inspect(id).state() == dev.jcompose.state.ContainerState.EXITED);
            assertThat(publishedOf(fx, web)).hasSize(1);

            assertThat(fx.compose().ps(p, true))
                    .extracting(ContainerSummary::status)
                    .containsExactly("exited (137)");
            assertThat(publishedOf(fx, web)).isEmpty();
            assertThat(bindable(fx, port)).isTrue();
            fx.compose().start(p, List.of(), fx.listener());
            reachable(fx, port);

            fx.compose().down(p, Optional.of(project), FAST_DOWN, fx.listener());
        }
    }
}
