package dev.jcompose.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.api.ContainerSummary;
import dev.jcompose.api.DownOptions;
import dev.jcompose.api.StackListener;
import dev.jcompose.api.UpOptions;
import dev.jcompose.engine.EngineContext;
import dev.jcompose.host.HostAccess;
import dev.jcompose.image.testing.TestImages;
import dev.jcompose.model.Project;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A stopped container holds no published port, as with docker: the host port is free until it starts again. */
@Tag("root")
class PublishedPortsRootTest {
    private static final DownOptions FAST_DOWN = new DownOptions(true, true, Duration.ofSeconds(1));
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private static Project write(StackFixture fx, String name, String yaml) throws Exception {
        Path dir = Files.createDirectories(fx.dir.resolve(name));
        Files.writeString(dir.resolve("compose.yaml"), yaml);
        return fx.load(dir, name, Map.of());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            return s.getLocalPort();
        }
    }

    /**
     * Whether a listener of the test's own on 127.0.0.1:port gets a connection made to that address:
     * while the port is published, the DNAT rule sends the connection to the container instead.
     */
    private static boolean bindable(int port) {
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(LOOPBACK, port));
            server.setSoTimeout(1000);
            // closed by a reset (linger 0): a TIME_WAIT left on the port would make jcompose's probe refuse it
            try (Socket client = new Socket()) {
                client.setSoLinger(true, 0);
                client.connect(new InetSocketAddress(LOOPBACK, port), 1000);
                try (Socket accepted = server.accept()) {
                    accepted.setSoLinger(true, 0);
                    return accepted.isConnected();
                }
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static String get(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(LOOPBACK, port), 1000);
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            out.write("GET /index.html HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return response.substring(response.indexOf("\r\n\r\n") + 4);
        } catch (IOException e) {
            return "";
        }
    }

    private static void reachable(int port) {
        StackFixture.await(
                "the service on 127.0.0.1:" + port,
                Duration.ofSeconds(20),
                () -> get(port).equals("hi\n"));
    }

    private static List<?> publishedOf(StackFixture fx, String containerName) {
        String id = fx.stack.containers.require(containerName).id();
        return fx.stack.network.endpoints().state().endpoints().get(id).ports();
    }

    @Test
    void stopReleasesThePortAndStartPublishesItAgain() throws Exception {
        assumeTrue(TestImages.available(), "busybox-static is not installed (apt-get install busybox-static)");
        int port = freePort();
        try (StackFixture fx = new StackFixture()) {
            Project project = write(fx, "ports", """
                    services:
                      web:
                        image: busybox:1.36
                        command: ["sh", "-c", "echo hi > /tmp/index.html; exec httpd -f -p 80 -h /tmp"]
                        ports: ["127.0.0.1:%d:80"]
                    """.formatted(port));
            String p = fx.project("ports");
            String web = p + "-web-1";
            fx.compose.up(project, UpOptions.defaults(), fx.listener());
            reachable(port);
            assertThat(bindable(port)).isFalse();

            fx.compose.stop(p, List.of(), Duration.ofSeconds(1), fx.listener());
            assertThat(publishedOf(fx, web)).isEmpty();
            assertThat(bindable(port))
                    .as("the port is free while the container is stopped")
                    .isTrue();
            assertThat(fx.compose.ps(p, true))
                    .extracting(ContainerSummary::ports)
                    .containsExactly(List.of());

            // another project may publish the port meanwhile; this one cannot start until it is free again
            Project other = write(fx, "other", """
                    services:
                      web:
                        image: busybox:1.36
                        command: ["sleep", "300"]
                        ports: ["127.0.0.1:%d:80"]
                    """.formatted(port));
            fx.compose.up(other, UpOptions.defaults(), fx.listener());
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> fx.compose.start(p, List.of(), fx.listener()))
                    .hasMessageStartingWith("cannot publish 127.0.0.1:" + port + "/tcp for ");
            assertThat(publishedOf(fx, web)).isEmpty();
            fx.compose.down(fx.project("other"), Optional.of(other), FAST_DOWN, fx.listener());

            fx.compose.start(p, List.of(), fx.listener());
            reachable(port);
            fx.compose.restart(p, List.of(), Duration.ofSeconds(1), fx.listener());
            reachable(port);
            assertThat(publishedOf(fx, web)).hasSize(1);

            fx.compose.down(p, Optional.of(project), FAST_DOWN, fx.listener());
            assertThat(bindable(port)).isTrue();
        }
    }

    @Test
    void aContainerThatExitedWhileNoEngineWatchedLosesItsPortsWhenAdopted() throws Exception {
        assumeTrue(TestImages.available(), "busybox-static is not installed (apt-get install busybox-static)");
        int port = freePort();
        try (StackFixture fx = new StackFixture()) {
            Project project = write(fx, "adopt", """
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
                    Stack gone = Stack.open(
                            new StackSettings(fx.paths, fx.cgroupParent, fx.chains, List.of(), false),
                            HostAccess.of(System.getenv()),
                            goneEngine)) {
                gone.service().up(project, UpOptions.defaults(), StackListener.none());
            }
            reachable(port);
            String id = fx.stack.containers.require(web).id();
            fx.stack.runtime.kill(id, "SIGKILL");
            StackFixture.await(
                    "the exit",
                    Duration.ofSeconds(20),
                    () -> fx.stack.runtime.inspect(id).state() == dev.jcompose.state.ContainerState.EXITED);
            assertThat(publishedOf(fx, web)).hasSize(1);

            assertThat(fx.compose.ps(p, true))
                    .extracting(ContainerSummary::status)
                    .containsExactly("exited (137)");
            assertThat(publishedOf(fx, web)).isEmpty();
            assertThat(bindable(port)).isTrue();
            fx.compose.start(p, List.of(), fx.listener());
            reachable(port);

            fx.compose.down(p, Optional.of(project), FAST_DOWN, fx.listener());
        }
    }
}
