package dev.jcompose.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.ipam.Ipv4;
import dev.jcompose.network.EndpointRecord;
import dev.jcompose.network.LinkRecord;
import dev.jcompose.network.NetworkState;
import dev.jcompose.network.Phase;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DnsRegistryTest {
    private static EndpointRecord endpoint(String id, String ip, Phase phase, String... names) {
        return new EndpointRecord(
                id,
                "bridge",
                "/run/x/" + id,
                true,
                List.of(new LinkRecord(
                        "p_default", "eth0", "jv" + id, Ipv4.parse(ip), "02:42:00:00:00:01", List.of(names))),
                List.of(),
                phase,
                "1@x");
    }

    @Test
    void reloadsReadyEndpointsFromStateAndRotates() {
        NetworkState s = NetworkState.empty()
                .with(endpoint("web-1", "172.18.0.2", Phase.READY, "web", "web-1"))
                .with(endpoint("web-2", "172.18.0.3", Phase.READY, "web", "web-2"))
                .with(endpoint("web-3", "172.18.0.4", Phase.CREATING, "web", "web-3"));
        DnsRegistry r = new DnsRegistry();
        r.register("p_default", "stale", List.of("old"), Ipv4.parse("172.18.0.9"));
        r.load(s);
        assertThat(r.lookup("p_default", "old")).isEmpty();
        assertThat(r.lookup("p_default", "web-3")).isEmpty();
        assertThat(r.lookup("p_default", "web")).extracting(Ipv4::toString).containsExactly("172.18.0.2", "172.18.0.3");
        assertThat(r.lookup("p_default", "Web")).extracting(Ipv4::toString).containsExactly("172.18.0.3", "172.18.0.2");
        assertThat(r.lookup("other", "web")).isEmpty();
        r.detached(s.endpoints().get("web-1"));
        assertThat(r.lookup("p_default", "web")).extracting(Ipv4::toString).containsExactly("172.18.0.3");
    }

    private static EndpointRecord onNetworks(String id, Map<String, String> links, LinkRecord... on) {
        return new EndpointRecord(
                id,
                "bridge",
                "/run/x/" + id,
                true,
                List.of(on),
                List.of(),
                Phase.READY,
                "1@x",
                List.of(),
                new TreeMap<>(links));
    }

    private static LinkRecord link(String network, int n, String ip, String... names) {
        return new LinkRecord(network, "eth" + n, "jv" + ip, Ipv4.parse(ip), "02:42:00:00:00:01", List.of(names));
    }

    @Test
    void aClientSeesTheNamesOfEachOfItsNetworksAndItsOwnLinkAliases() {
        DnsRegistry r = new DnsRegistry();
        r.attached(onNetworks(
                "web",
                Map.of("Store", "db"),
                link("p_front", 0, "172.18.0.2", "web"),
                link("p_back", 1, "172.19.0.2", "web")));
        r.attached(onNetworks("proxy", Map.of(), link("p_front", 0, "172.18.0.3", "proxy")));
        r.attached(onNetworks("db", Map.of(), link("p_back", 0, "172.19.0.3", "db")));
        Ipv4 web = Ipv4.parse("172.18.0.2");
        Ipv4 proxy = Ipv4.parse("172.18.0.3");
        // web asks on its first network for a name of its second
        assertThat(r.lookup("p_front", web, "db")).extracting(Ipv4::toString).containsExactly("172.19.0.3");
        assertThat(r.lookup("p_front", web, "proxy")).extracting(Ipv4::toString).containsExactly("172.18.0.3");
        // its link alias, for it alone
        assertThat(r.lookup("p_front", web, "store")).extracting(Ipv4::toString).containsExactly("172.19.0.3");
        assertThat(r.lookup("p_front", proxy, "store")).isEmpty();
        // proxy is on front only: back's names stay out of its reach
        assertThat(r.lookup("p_front", proxy, "db")).isEmpty();
        // an address the registry does not know asks the network it is on
        assertThat(r.lookup("p_front", Ipv4.parse("172.18.0.99"), "proxy"))
                .extracting(Ipv4::toString)
                .containsExactly("172.18.0.3");
        assertThat(r.reverse("p_front", web, "3.0.19.172.in-addr.arpa")).isEqualTo("db");
        r.detached(onNetworks(
                "web", Map.of(), link("p_front", 0, "172.18.0.2", "web"), link("p_back", 1, "172.19.0.2", "web")));
        assertThat(r.lookup("p_front", web, "db")).isEmpty();
    }
}
