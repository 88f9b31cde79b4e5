package dev.jcompose.nat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.ipam.Ipv4;
import dev.jcompose.ipam.Subnet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class NatPlannerTest {
    private final NatPlanner planner = new NatPlanner(Chains.DEFAULT);

    static String golden(String name) throws IOException {
        try (InputStream in = NatPlannerTest.class.getResourceAsStream("/nat/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void twoNetworksOneInternalWithPorts() throws IOException {
        List<NatNetwork> nets = List.of(
                new NatNetwork(
                        "shop_default",
                        "jc-aaaaaaaaaa",
                        Subnet.parse("172.18.0.0/16"),
                        Ipv4.parse("172.18.0.1"),
                        false),
                new NatNetwork(
                        "shop_backend",
                        "jc-bbbbbbbbbb",
                        Subnet.parse("172.19.0.0/16"),
                        Ipv4.parse("172.19.0.1"),
                        true));
        List<PublishedPort> ports = List.of(
                new PublishedPort("shop-web-1", "tcp", null, 8080, Ipv4.parse("172.18.0.2"), 80),
                new PublishedPort("shop-dns-1", "udp", Ipv4.parse("127.0.0.1"), 5353, Ipv4.parse("172.18.0.3"), 53),
                new PublishedPort("shop-web-1", "tcp", null, 8443, Ipv4.parse("172.18.0.2"), 443));
        assertThat(planner.plan(nets, ports).restoreText()).isEqualTo(golden("two-networks.rules"));
    }

    @Test
    void noNetworksDeclaresEmptyChainsOnly() throws IOException {
        assertThat(planner.plan(List.of(), List.of()).restoreText()).isEqualTo(golden("empty.rules"));
    }

    @Test
    void planIsIndependentOfInputOrder() {
        NatNetwork a = new NatNetwork("a", "jc-a", Subnet.parse("10.1.0.0/24"), Ipv4.parse("10.1.0.1"), false);
        NatNetwork b = new NatNetwork("b", "jc-b", Subnet.parse("10.2.0.0/24"), Ipv4.parse("10.2.0.1"), false);
        PublishedPort p1 = new PublishedPort("x", "tcp", null, 1, Ipv4.parse("10.1.0.2"), 1);
        PublishedPort p2 = new PublishedPort("y", "udp", null, 1, Ipv4.parse("10.1.0.3"), 1);
        assertThat(planner.plan(List.of(a, b), List.of(p1, p2)))
                .isEqualTo(planner.plan(List.of(b, a), List.of(p2, p1)));
    }

    @Test
    void everyRuleCarriesItsOwnerTag() {
        RuleSet rs = planner.plan(
                List.of(new NatNetwork("n", "jc-n", Subnet.parse("10.1.0.0/24"), Ipv4.parse("10.1.0.1"), false)),
                List.of(new PublishedPort("e1", "tcp", null, 80, Ipv4.parse("10.1.0.2"), 80)));
        assertThat(rs.rules()).allSatisfy(r -> assertThat(r.restoreLine("-A")).contains("--comment jcompose:"));
        assertThat(rs.rules().stream().filter(r -> r.owner().equals("e1")).map(r -> r.restoreLine("-A")))
                .containsExactly(
                        "-A JCOMPOSE-DNAT -p tcp -m tcp --dport 80 -m comment --comment jcompose:e1 -j DNAT --to-destination 10.1.0.2:80");
    }
}
