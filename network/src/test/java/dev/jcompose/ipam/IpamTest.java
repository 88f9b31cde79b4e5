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
    void parsesIpJsonOutput() {
        assertThat(HostAddresses.parseRoutes("[{\"dst\":\"default\",\"gateway\":\"192.0.2.1\",\"dev\":\"eth0\"},"
                        + "{\"dst\":\"192.0.2.0/24\",\"dev\":\"eth0\"},{\"dst\":\"10.9.9.9\",\"dev\":\"tun0\"}]"))
                .containsExactly(Subnet.parse("192.0.2.0/24"), Subnet.parse("10.9.9.9/32"));
        assertThat(
                        HostAddresses.parseAddresses(
                                "[{\"ifname\":\"lo\",\"addr_info\":[{\"family\":\"inet\",\"local\":\"127.0.0.1\",\"prefixlen\":8}]}]"))
                .containsExactly(Subnet.parse("127.0.0.0/8"));
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
