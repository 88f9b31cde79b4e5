package dev.jcompose.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.bridge.LinkNames;
import dev.jcompose.ipam.Ipv4;
import dev.jcompose.ipam.Subnet;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointPlanTest {
    @Test
    void linkPlanWiresEachNetworkAndRoutesViaTheFirstGateway() {
        LinkPlan plan = LinkPlan.of(
                "/run/jcompose/netns/web-1",
                List.of(
                        new LinkPlan.Wire(
                                "jv0123456789a",
                                "eth0",
                                "jc-aaaaaaaaaa",
                                1400,
                                Ipv4.parse("172.18.0.2"),
                                Subnet.parse("172.18.0.0/16"),
                                "02:42:ac:12:00:02"),
                        new LinkPlan.Wire(
                                "jv0123456789b",
                                "eth1",
                                "jc-bbbbbbbbbb",
                                1400,
                                Ipv4.parse("10.1.0.5"),
                                Subnet.parse("10.1.0.0/24"),
                                "02:42:0a:01:00:05")),
                Ipv4.parse("172.18.0.1"));
        assertThat(plan.host()).isEqualTo("""
                link add name jv0123456789a mtu 1400 type veth peer name eth0 mtu 1400 address 02:42:ac:12:00:02 netns /run/jcompose/netns/web-1
                link set jv0123456789a master jc-aaaaaaaaaa up
                link add name jv0123456789b mtu 1400 type veth peer name eth1 mtu 1400 address 02:42:0a:01:00:05 netns /run/jcompose/netns/web-1
                link set jv0123456789b master jc-bbbbbbbbbb up
                """);
        assertThat(plan.inside()).isEqualTo("""
                link set lo up
                addr add 172.18.0.2/16 dev eth0
                link set eth0 up
                addr add 10.1.0.5/24 dev eth1
                link set eth1 up
                route add default via 172.18.0.1
                """);
    }

    @Test
    void namesMacsModesAndOrder() {
        assertThat(LinkNames.bridge("a-very-long-project-name_with-a-long-network-name"))
                .hasSize(13)
                .startsWith("jc-");
        assertThat(LinkNames.hostVeth("a-very-long-project-name-web-1", "net"))
                .hasSize(13)
                .startsWith("jv");
        assertThat(MacAddresses.fromIp(Ipv4.parse("172.17.0.2"))).isEqualTo("02:42:ac:11:00:02");
        assertThat(MacAddresses.checked("02:AA:bb:cc:dd:ee")).isEqualTo("02:aa:bb:cc:dd:ee");
        assertThatThrownBy(() -> MacAddresses.checked("01:00:5e:00:00:01"))
                .hasMessage("invalid mac_address '01:00:5e:00:00:01'");
        assertThat(NetworkMode.parse(null, s -> s)).isEqualTo(new NetworkMode.Bridge());
        assertThat(NetworkMode.parse("host", s -> s)).isEqualTo(new NetworkMode.Host());
        assertThat(NetworkMode.parse("none", s -> s)).isEqualTo(new NetworkMode.None());
        assertThat(NetworkMode.parse("service:db", s -> "p-" + s + "-1")).isEqualTo(new NetworkMode.Shared("p-db-1"));
        assertThat(NetworkMode.parse("container:abc", s -> s)).isEqualTo(new NetworkMode.Shared("abc"));
        assertThatThrownBy(() -> NetworkMode.parse("macvlan", s -> s)).hasMessage("unsupported network_mode 'macvlan'");
        EndpointSpec spec = new EndpointSpec(
                "e",
                List.of(),
                new NetworkMode.Bridge(),
                List.of(
                        AttachmentRequest.of("zeta"),
                        AttachmentRequest.of("alpha"),
                        new AttachmentRequest("mid", 5, List.of(), null, null)),
                List.of());
        assertThat(spec.orderedNetworks())
                .extracting(AttachmentRequest::network)
                .containsExactly("mid", "alpha", "zeta");
        assertThatThrownBy(() -> new EndpointSpec("../x", List.of(), new NetworkMode.None(), List.of(), List.of()))
                .hasMessage("invalid endpoint id '../x'");
    }
}
