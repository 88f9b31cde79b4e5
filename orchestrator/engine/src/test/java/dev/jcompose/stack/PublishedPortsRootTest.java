package dev.jcompose.stack;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jcompose.image.testing.TestImages;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Tag;

/** {@link PublishedPortsScenarios} on this host: real DNAT rules, real sockets. */
@Tag("root")
class PublishedPortsRootTest extends PublishedPortsScenarios {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Override
    StackHost open() throws IOException {
        assumeTrue(TestImages.available(), "busybox-static is not installed (apt-get install busybox-static)");
        return new StackFixture();
    }

    @Override
    int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            return s.getLocalPort();
        }
    }

    /**
     * Whether a listener of the test's own on 127.0.0.1:port gets a connection made to that address:
     * while the port is published, the DNAT rule sends the connection to the container instead.
     */
    @Override
    boolean bindable(StackHost fx, int port) {
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

    @Override
    void reachable(StackHost fx, int port) {
        StackFixture.await(
                "the service on 127.0.0.1:" + port,
                Duration.ofSeconds(20),
                () -> get(port).equals("hi\n"));
    }
}
