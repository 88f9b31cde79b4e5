package dev.jcompose.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IpamTest {
    @Test
    void poolSkipsHostRoutesAndExistingNetworksButNotDefaultRoutes() {
        SubnetPool pool = SubnetPool.dockerDefault();
        assertThat(pool.candidates()).hasSize(31);
        assertThat(pool.pick(List.of(
                        Subnet.parse("0.0.0.0/0"), Subnet.parse("172.17.0.0/16"), Subnet.parse("172.18.5.0/24"))))
                .isEqualTo(Subnet.parse("172.19.0.0/16"));
        assertThat(pool.pick(List.of(Subnet.parse("172.16.0.0/12")))).isEqualTo(Subnet.parse("192.168.0.0/20"));
        assertThatThrownBy(() -> pool.pick(List.of(Subnet.parse("172.16.0.0/12"), Subnet.parse("192.168.0.0/16"))))
                .hasMessageStartingWith("no free subnet left in the address pool (31 candidates");
    }

    @Test
    void readsRoutesLinksAndUplinkMtuFromOneIpBatch() {
        HostAddresses.View v = HostAddresses.view("[{\"dst\":\"default\",\"gateway\":\"192.0.2.1\",\"dev\":\"eth0\"},"
                + "{\"dst\":\"192.0.2.0/24\",\"dev\":\"eth0\"},{\"dst\":\"10.9.9.9\",\"dev\":\"tun0\"}]\n"
                + "[{\"ifname\":\"lo\",\"mtu\":65536,\"addr_info\":[{\"family\":\"inet\",\"local\":\"127.0.0.1\","
                + "\"prefixlen\":8},{\"family\":\"inet6\",\"local\":\"::1\",\"prefixlen\":128}]},"
                + "{\"ifname\":\"eth0\",\"mtu\":1400,\"addr_info\":[]},{\"ifname\":\"jc-old\",\"mtu\":1500}]\n");
        assertThat(v.inUse())
                .containsExactly(
                        Subnet.parse("10.9.9.9/32"), Subnet.parse("127.0.0.0/8"), Subnet.parse("192.0.2.0/24"));
        assertThat(v.links()).containsExactlyInAnyOrder("lo", "eth0", "jc-old");
        assertThat(v.uplinkMtu()).isEqualTo(1400);
    }

    @Test
    void withoutDefaultRouteBridgesTake1500() {
        assertThat(HostAddresses.view("[]\n[{\"ifname\":\"lo\",\"mtu\":65536}]").uplinkMtu())
                .isEqualTo(1500);
        assertThat(HostAddresses.view("").uplinkMtu()).isEqualTo(1500);
    }

    @Test
    void unreadableIpOutputIsAClearError() {
        assertThatThrownBy(() -> HostAddresses.view("[{\"dst\": oops"))
                .isInstanceOf(IpamException.class)
                .hasMessageStartingWith(
                        "cannot read the host's routes and addresses: unreadable output of ip -j -batch");
    }

    @Test
    void leasesLowestFreeSkippingGatewayAndRespectingRange() {
        Subnet s = Subnet.parse("10.5.0.0/24");
        Ipv4 gw = Ipv4.parse("10.5.0.1");
        assertThat(Leases.choose("n", s, null, gw, Map.of(Ipv4.parse("10.5.0.2"), "a"), null))
                .isEqualTo(Ipv4.parse("10.5.0.3"));
        assertThat(Leases.choose("n", s, Subnet.parse("10.5.0.128/25"), gw, Map.of(), null))
                .isEqualTo(Ipv4.parse("10.5.0.128"));
        assertThat(Leases.choose("n", s, null, gw, Map.of(), Ipv4.parse("10.5.0.77")))
                .isEqualTo(Ipv4.parse("10.5.0.77"));
        assertThatThrownBy(() -> Leases.choose(
                        "n", s, null, gw, Map.of(Ipv4.parse("10.5.0.77"), "web-1"), Ipv4.parse("10.5.0.77")))
                .hasMessage("ipv4_address 10.5.0.77 on network n is already used by web-1");
        assertThatThrownBy(() -> Leases.choose("n", s, null, gw, Map.of(), Ipv4.parse("10.6.0.7")))
                .hasMessage(
                        "ipv4_address 10.6.0.7 is not a usable address of network n (10.5.0.0/24, gateway 10.5.0.1)");
        assertThatThrownBy(() -> Leases.choose(
                        "n", Subnet.parse("10.5.0.0/30"), null, gw, Map.of(Ipv4.parse("10.5.0.2"), "x"), null))
                .hasMessage("network n has no free address left in 10.5.0.0/30");
    }

    @Test
    void parsingRejectsGarbage() {
        assertThat(Subnet.parse("172.20.3.4/16")).hasToString("172.20.0.0/16");
        assertThatThrownBy(() -> Ipv4.parse("300.1.1.1")).hasMessage("invalid IPv4 address '300.1.1.1'");
        assertThatThrownBy(() -> Subnet.parse("10.0.0.0/x")).hasMessage("invalid subnet '10.0.0.0/x'");
    }
}
