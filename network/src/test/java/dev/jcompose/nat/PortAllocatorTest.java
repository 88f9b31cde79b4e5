package dev.jcompose.nat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.ipam.Ipv4;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortAllocatorTest {
    private static final Ipv4 IP = Ipv4.parse("172.18.0.2");
    private final PortAllocator alloc = new PortAllocator((proto, ip, port) -> port != 49153, 49153, 49160);

    @Test
    void rangesMapOneToOne() {
        assertThat(alloc.allocate("e", IP, List.of(new PortRequest("tcp", null, 8000, 8002, 9000, 9002)), List.of()))
                .extracting(p -> p.hostPort() + "->" + p.containerPort())
                .containsExactly("8000->9000", "8001->9001", "8002->9002");
    }

    @Test
    void aHostRangeForOneContainerPortGivesEachReplicaAFreePortOfTheRange() {
        PortRequest range = new PortRequest("tcp", null, 49153, 49156, 80, 80);
        PublishedPort first = new PublishedPort("a-1", "tcp", null, 49154, IP, 80);
        // 49153 is taken on the host (the probe), 49154 by replica 1
        assertThat(alloc.allocate("a-2", IP, List.of(range), List.of(first)))
                .extracting(p -> p.hostPort() + "->" + p.containerPort())
                .containsExactly("49155->80");
        List<PublishedPort> full = List.of(
                first,
                new PublishedPort("a-2", "tcp", null, 49155, IP, 80),
                new PublishedPort("a-3", "tcp", null, 49156, IP, 80));
        assertThatThrownBy(() -> alloc.allocate("a-4", IP, List.of(range), full))
                .hasMessage("no free host port in 49153-49156 for 49153-49156:80/tcp");
    }

    @Test
    void randomPortSkipsListenersAndTakenPorts() {
        PublishedPort taken = new PublishedPort("other", "tcp", null, 49154, IP, 1);
        assertThat(alloc.allocate(
                        "e", IP, List.of(PortRequest.random("tcp", 80), PortRequest.random("tcp", 81)), List.of(taken)))
                .extracting(PublishedPort::hostPort)
                .containsExactly(49155, 49156);
    }

    @Test
    void sameNumberOtherProtocolOrOtherAddressIsNoClash() {
        PublishedPort taken = new PublishedPort("other", "tcp", Ipv4.parse("127.0.0.1"), 8080, IP, 1);
        assertThat(alloc.allocate(
                        "e",
                        IP,
                        List.of(
                                PortRequest.of("udp", 8080, 80),
                                PortRequest.of("tcp", 8080, 80).onHostIp(Ipv4.parse("127.0.0.2"))),
                        List.of(taken)))
                .hasSize(2);
    }

    @Test
    void conflictsAreClearErrors() {
        PublishedPort taken = new PublishedPort("shop-web-1", "tcp", null, 8080, IP, 80);
        assertThatThrownBy(() -> alloc.allocate("e", IP, List.of(PortRequest.of("tcp", 8080, 80)), List.of(taken)))
                .hasMessage("cannot publish 0.0.0.0:8080/tcp for e: already published by shop-web-1");
        assertThatThrownBy(() -> alloc.allocate("e", IP, List.of(PortRequest.of("tcp", 49153, 80)), List.of()))
                .hasMessage("cannot publish 0.0.0.0:49153/tcp for e: the port is already in use on the host");
        assertThatThrownBy(() -> new PortRequest("tcp", null, 8000, 8001, 80, 82))
                .hasMessage("host port range 8000-8001 does not match container range 80-82");
    }

    @Test
    void parsesComposeShortSyntax() {
        assertThat(PortRequest.parse("80")).isEqualTo(PortRequest.random("tcp", 80));
        assertThat(PortRequest.parse("8080:80")).isEqualTo(PortRequest.of("tcp", 8080, 80));
        assertThat(PortRequest.parse("127.0.0.1::53/udp"))
                .isEqualTo(PortRequest.random("udp", 53).onHostIp(Ipv4.parse("127.0.0.1")));
        assertThat(PortRequest.parse("0.0.0.0:8000-8001:9000-9001"))
                .isEqualTo(new PortRequest("tcp", null, 8000, 8001, 9000, 9001));
        assertThat(PortRequest.parse("9000-9001")).isEqualTo(new PortRequest("tcp", null, 0, 0, 9000, 9001));
        assertThat(PortRequest.parse("127.0.0.1:8080:80").display()).isEqualTo("127.0.0.1:8080:80/tcp");
        assertThat(PortRequest.parse("8000-8010:80")).isEqualTo(new PortRequest("tcp", null, 8000, 8010, 80, 80));
        assertThatThrownBy(() -> PortRequest.parse("8000-8010:80-81"))
                .hasMessage(
                        "invalid port mapping '8000-8010:80-81': the host range and the container range differ in length");
        assertThatThrownBy(() -> PortRequest.parse("web:80")).hasMessage("invalid port mapping 'web:80'");
        assertThatThrownBy(() -> PortRequest.parse("[::1]:80:80"))
                .hasMessage("cannot publish [::1]:80:80: IPv6 host addresses are not supported yet");
        assertThatThrownBy(() -> PortRequest.parse("80/sctp")).hasMessage("unsupported port protocol 'sctp'");
        assertThatThrownBy(() -> PortRequest.parse("70000")).hasMessage("invalid container port range 70000-70000");
    }
}
