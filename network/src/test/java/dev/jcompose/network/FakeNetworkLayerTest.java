package dev.jcompose.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.bridge.NetworkSpec;
import dev.jcompose.endpoint.AttachmentRequest;
import dev.jcompose.endpoint.EndpointSpec;
import dev.jcompose.endpoint.NetworkMode;
import dev.jcompose.ipam.Subnet;
import dev.jcompose.ipam.SubnetPool;
import dev.jcompose.nat.PortRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What only the fake has: a scripted host, a DNS table, and the same answers on every run. */
class FakeNetworkLayerTest {

    private static EndpointSpec web(String id, PortRequest... ports) {
        return new EndpointSpec(
                id,
                List.of("web"),
                new NetworkMode.Bridge(),
                List.of(AttachmentRequest.of("shop_default")),
                List.of(ports));
    }

    @Test
    void interfaceNamesMacsAndLinkAliasesAreKeptOnTheEndpoint() {
        FakeNetworkLayer layer = new FakeNetworkLayer();
        layer.networks().ensure(NetworkSpec.of("shop_default"));
        layer.networks().ensure(NetworkSpec.of("shop_back"));
        EndpointRecord e = layer.endpoints()
                .attach(new EndpointSpec(
                        "c1",
                        List.of("web"),
                        new NetworkMode.Bridge(),
                        List.of(
                                new AttachmentRequest(
                                        "shop_default", 0, List.of(), null, "00:e0:84:35:d0:e8", "foobar"),
                                AttachmentRequest.of("shop_back")),
                        List.of(),
                        java.util.Map.of("container", "db")));
        assertThat(e.links())
                .extracting(l -> l.network() + " " + l.ifName())
                .containsExactly("shop_back eth0", "shop_default foobar");
        assertThat(e.links().get(1).mac()).isEqualTo("00:e0:84:35:d0:e8");
        assertThat(e.dnsLinks()).containsEntry("container", "db");
        assertThatThrownBy(() -> layer.endpoints()
                        .attach(new EndpointSpec(
                                "c2",
                                List.of("web"),
                                new NetworkMode.Bridge(),
                                List.of(
                                        new AttachmentRequest("shop_default", 0, List.of(), null, null, "eth0"),
                                        AttachmentRequest.of("shop_back")),
                                List.of())))
                .hasMessageContaining("interface name eth0 of network shop_default is already used");
    }

    @Test
    void addressesAreDockersFirstChoicesOnEveryRun() {
        for (int run = 0; run < 2; run++) {
            FakeNetworkLayer layer = new FakeNetworkLayer();
            NetworkRecord n = layer.networks().ensure(NetworkSpec.of("shop_default"));
            assertThat(n.subnet()).isEqualTo(Subnet.parse("172.17.0.0/16"));
            assertThat(n.gateway().toString()).isEqualTo("172.17.0.1");
            assertThat(layer.endpoints().attach(web("c1")).links().get(0).ip().toString())
                    .isEqualTo("172.17.0.2");
            assertThat(layer.endpoints()
                            .attach(web("c2", PortRequest.random("tcp", 80)))
                            .ports()
                            .get(0)
                            .hostPort())
                    .isEqualTo(49153);
        }
    }

    @Test
    void hostRoutesAndListenersAreAvoidedOrFailAsOnARealHost() {
        FakeNetworkLayer layer =
                new FakeNetworkLayer(SubnetPool.dockerDefault(), List.of(Subnet.parse("172.17.0.0/16")));
        assertThat(layer.networks().ensure(NetworkSpec.of("shop_default")).subnet())
                .isEqualTo(Subnet.parse("172.18.0.0/16"));

        layer.occupy("tcp", 8080);
        assertThatThrownBy(() -> layer.endpoints().attach(web("c1", PortRequest.of("tcp", 8080, 80))))
                .hasMessage("cannot publish 0.0.0.0:8080/tcp for c1: the port is already in use on the host");
        layer.release("tcp", 8080);
        assertThat(layer.endpoints()
                        .attach(web("c1", PortRequest.of("tcp", 8080, 80)))
                        .ports())
                .hasSize(1);
    }

    @Test
    void dnsAnswersOnlyOnServedNetworksAndRestartsEmpty() {
        FakeNetworkLayer layer = new FakeNetworkLayer();
        NetworkRecord n = layer.networks().ensure(NetworkSpec.of("shop_default"));
        EndpointRecord e = layer.endpoints().attach(web("c1"));
        layer.dns().attached(e);
        assertThat(layer.dns().lookup("shop_default", "web"))
                .as("not served yet")
                .isEmpty();

        layer.dns().serve(n);
        assertThat(layer.dns().served()).containsExactly("shop_default");
        assertThat(layer.dns().lookup("shop_default", "web"))
                .containsExactly(e.links().get(0).ip());

        FakeNetworkLayer again = layer.restarted();
        assertThat(again.dns().served()).isEmpty();
        assertThat(again.networks().state()).isEqualTo(layer.networks().state());
    }
}
