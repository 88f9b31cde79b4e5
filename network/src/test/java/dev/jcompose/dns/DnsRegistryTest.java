package dev.jcompose.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.ipam.Ipv4;
import dev.jcompose.network.EndpointRecord;
import dev.jcompose.network.LinkRecord;
import dev.jcompose.network.NetworkState;
import dev.jcompose.network.Phase;
import java.util.List;
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
}
