package dev.jcompose.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.bridge.NetworkSpec;
import dev.jcompose.endpoint.AttachmentRequest;
import dev.jcompose.endpoint.EndpointSpec;
import dev.jcompose.endpoint.NetworkMode;
import dev.jcompose.ipam.Ipv4;
import dev.jcompose.nat.PortRequest;
import dev.jcompose.nat.PublishedPort;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("root")
class PortsRootTest {

    @Test
    void publishedPortsAnswerOnLoopbackHostAddressAndFromANeighbour() throws Exception {
        try (TestBed bed = new TestBed()) {
            bed.forwardPolicyDrop();
            bed.layer.networks().ensure(NetworkSpec.of("jt_pub"));
            EndpointRecord web = bed.layer
                    .endpoints()
                    .attach(new EndpointSpec(
                            "jt-web-1",
                            List.of("web"),
                            new NetworkMode.Bridge(),
                            List.of(AttachmentRequest.of("jt_pub")),
                            List.of(
                                    PortRequest.of("tcp", 18080, 80),
                                    PortRequest.random("tcp", 80),
                                    new PortRequest("tcp", null, 18090, 18091, 90, 91),
                                    PortRequest.of("udp", 15353, 5000))));
            EndpointRecord peer = bed.layer
                    .endpoints()
                    .attach(ConnectivityRootTest.endpoint(
                            "jt-peer-1", List.of("peer"), AttachmentRequest.of("jt_pub")));
            bed.httpd(web.netns(), 80, "port 80\n");
            bed.httpd(web.netns(), 90, "port 90\n");
            bed.httpd(web.netns(), 91, "port 91\n");
            bed.udpEcho(web.netns(), 5000);

            int random = web.ports().stream()
                    .filter(p -> p.containerPort() == 80 && p.hostPort() != 18080)
                    .findFirst()
                    .orElseThrow()
                    .hostPort();
            assertThat(random).isBetween(49153, 65535);
            String host = bed.hostAddress();
            assertThat(TestBed.fetch("127.0.0.1", 18080)).isEqualTo("port 80\n");
            assertThat(TestBed.fetch(host, 18080)).isEqualTo("port 80\n");
            assertThat(TestBed.fetch("127.0.0.1", random)).isEqualTo("port 80\n");
            assertThat(TestBed.fetch("127.0.0.1", 18090)).isEqualTo("port 90\n");
            assertThat(TestBed.fetch("127.0.0.1", 18091)).isEqualTo("port 91\n");
            assertThat(bed.fetchFrom(peer.netns(), host, 18080)).isEqualTo("port 80\n");
            assertThat(udpEcho(15353)).isEqualTo("echo:ping");
        }
    }

    @Test
    void aConflictingListenerFailsBeforeAnythingIsApplied() throws Exception {
        try (TestBed bed = new TestBed();
                ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress("0.0.0.0", 18099));
            bed.layer.networks().ensure(NetworkSpec.of("jt_busy"));
            NetworkState before = bed.layer.networks().state();
            assertThatThrownBy(() -> bed.layer
                            .endpoints()
                            .attach(new EndpointSpec(
                                    "jt-x-1",
                                    List.of("x"),
                                    new NetworkMode.Bridge(),
                                    List.of(AttachmentRequest.of("jt_busy")),
                                    List.of(PortRequest.of("tcp", 18099, 80)))))
                    .hasMessage("cannot publish 0.0.0.0:18099/tcp for jt-x-1: the port is already in use on the host");
            assertThat(bed.layer.networks().state()).isEqualTo(before);
        }
    }

    @Test
    void aContainerCannotReachHostLoopbackServices() throws Exception {
        try (TestBed bed = new TestBed();
                ServerSocket secret = new ServerSocket();
                DatagramSocket udpSecret = new DatagramSocket(new InetSocketAddress("127.0.0.1", 18077))) {
            secret.bind(new InetSocketAddress("127.0.0.1", 18077));
            Thread.ofVirtual().start(() -> serve(secret));
            udpSecret.setSoTimeout(1500);
            NetworkRecord net = bed.layer.networks().ensure(NetworkSpec.of("jt_guard"));
            EndpointRecord evil = bed.layer
                    .endpoints()
                    .attach(ConnectivityRootTest.endpoint(
                            "jt-evil-1", List.of("evil"), AttachmentRequest.of("jt_guard")));
            String ns = evil.netns();
            // The CVE-2020-8558 attack: send to 127.0.0.1 through the bridge, which has route_localnet=1.
            bed.in(ns, "sysctl", "-q", "-w", "net.ipv4.conf.eth0.route_localnet=1")
                    .orThrow();
            bed.in(ns, "ip", "route", "del", "local", "127.0.0.0/8", "dev", "lo", "table", "local")
                    .orThrow();
            bed.in(ns, "ip", "route", "del", "local", "127.0.0.1", "dev", "lo", "table", "local")
                    .orThrow();
            bed.in(
                            ns,
                            "ip",
                            "route",
                            "add",
                            "127.0.0.1/32",
                            "via",
                            net.gateway().toString(),
                            "dev",
                            "eth0")
                    .orThrow();
            assertThat(bed.in(ns, "busybox", "nc", "-w", "2", "127.0.0.1", "18077")
                            .stdout())
                    .isEmpty();
            assertThat(sendAndReceive(bed, ns, udpSecret)).isEmpty();
            // Proof the path is open without the guard: flush our INPUT chain, the datagram arrives; restore.
            bed.run("iptables", "-F", "JCOMPOSE-INPUT").orThrow();
            try {
                assertThat(sendAndReceive(bed, ns, udpSecret)).isEqualTo("probe");
            } finally {
                bed.layer.recover();
            }
            assertThat(bed.run("iptables", "-S", "JCOMPOSE-INPUT").stdout()).contains("-d 127.0.0.0/8");
        }
    }

    private static String sendAndReceive(TestBed bed, String ns, DatagramSocket host) {
        bed.in(
                        ns,
                        TestBed.javaMain(UdpTool.class, "send", "127.0.0.1", "18077", "probe")
                                .toArray(String[]::new))
                .orThrow();
        DatagramPacket p = new DatagramPacket(new byte[64], 64);
        try {
            host.receive(p);
            return new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static void serve(ServerSocket s) {
        while (!s.isClosed()) {
            try (var c = s.accept()) {
                c.getOutputStream().write("secret\n".getBytes(StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                return;
            }
        }
    }

    private static String udpEcho(int port) throws Exception {
        try (DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(500);
            byte[] out = "ping".getBytes(StandardCharsets.UTF_8);
            for (int attempt = 0; attempt < 10; attempt++) {
                s.send(new DatagramPacket(out, out.length, InetAddress.getByName("127.0.0.1"), port));
                DatagramPacket in = new DatagramPacket(new byte[64], 64);
                try {
                    s.receive(in);
                    return new String(in.getData(), 0, in.getLength(), StandardCharsets.UTF_8);
                } catch (java.net.SocketTimeoutException e) {
                    // the echo server may still be starting: retry, bounded
                }
            }
            return "";
        }
    }

    static Ipv4 ip(PublishedPort p) {
        return p.containerIp();
    }
}
