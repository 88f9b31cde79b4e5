package dev.jcompose.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.bridge.NetworkSpec;
import dev.jcompose.dns.DnsService;
import dev.jcompose.dns.FakeUpstream;
import dev.jcompose.endpoint.AttachmentRequest;
import dev.jcompose.endpoint.EndpointSpec;
import dev.jcompose.endpoint.NetworkMode;
import dev.jcompose.host.CommandResult;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("root")
class ConnectivityRootTest {

    static EndpointSpec endpoint(String id, List<String> names, AttachmentRequest... nets) {
        return new EndpointSpec(id, names, new NetworkMode.Bridge(), List.of(nets), List.of());
    }

    @Test
    void discoveryByNameAndAliasIsolationAndForwardDropPolicy() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (TestBed bed = new TestBed();
                FakeUpstream upstream = new FakeUpstream();
                DnsService dns = new DnsService(vertx, bed.registry, List.of(upstream.address()), 53)) {
            bed.forwardPolicyDrop();
            NetworkRecord front = bed.layer.networks().ensure(NetworkSpec.of("jt_front"));
            NetworkRecord other = bed.layer.networks().ensure(NetworkSpec.of("jt_other"));
            dns.serve(front);
            bed.onClose(() -> dns.stop("jt_front"));
            EndpointRecord web = bed.layer
                    .endpoints()
                    .attach(endpoint(
                            "jt-web-1", List.of("web", "jt-web-1"), AttachmentRequest.of("jt_front", "frontend")));
            EndpointRecord client = bed.layer
                    .endpoints()
                    .attach(endpoint("jt-client-1", List.of("client"), AttachmentRequest.of("jt_front")));
            EndpointRecord stranger = bed.layer
                    .endpoints()
                    .attach(endpoint("jt-stranger-1", List.of("stranger"), AttachmentRequest.of("jt_other")));
            bed.httpd(web.netns(), 80, "hello from web\n");

            String gw = front.gateway().toString();
            for (String name : List.of("web", "frontend", "jt-web-1")) {
                CommandResult r = bed.in(client.netns(), "busybox", "nslookup", name, gw);
                assertThat(r.stdout())
                        .as(r.toString())
                        .contains("Address: " + web.links().get(0).ip());
            }
            assertThat(bed.in(client.netns(), "busybox", "nslookup", "nosuchservice", gw)
                            .stdout())
                    .contains("NXDOMAIN");
            // Other names go to the host's resolvers: here a fake one on 127.0.0.1, injected.
            assertThat(bed.in(client.netns(), "busybox", "nslookup", "-type=a", "example.test", gw)
                            .stdout())
                    .contains("Address: 127.0.0.99");
            assertThat(bed.fetchFrom(client.netns(), web.links().get(0).ip().toString(), 80))
                    .isEqualTo("hello from web\n");
            assertThat(bed.fetchFrom(stranger.netns(), web.links().get(0).ip().toString(), 80))
                    .isEmpty();
            assertThat(other.subnet()).isNotEqualTo(front.subnet());
            assertThat(web.links().get(0).mac()).startsWith("02:42:");
            assertThatThrownBy(() -> bed.layer.networks().remove("jt_front"))
                    .hasMessage("network jt_front is in use by jt-client-1, jt-web-1");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** Under both FORWARD policies: with ACCEPT only our rules can be what blocks the internal network. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void internalNetworkHasNoEgressWhileADefaultNetworkHas(boolean forwardDrop) throws Exception {
        try (TestBed bed = new TestBed()) {
            if (forwardDrop) {
                bed.forwardPolicyDrop();
            } else {
                assertThat(bed.run("iptables", "-S", "FORWARD").stdout()).startsWith("-P FORWARD ACCEPT");
            }
            String outside = bed.outside();
            NetworkRecord open = bed.layer.networks().ensure(NetworkSpec.of("jt_open"));
            NetworkRecord closed =
                    bed.layer.networks().ensure(NetworkSpec.of("jt_closed").internalNetwork());
            EndpointRecord a =
                    bed.layer.endpoints().attach(endpoint("jt-a-1", List.of("a"), AttachmentRequest.of("jt_open")));
            EndpointRecord b =
                    bed.layer.endpoints().attach(endpoint("jt-b-1", List.of("b"), AttachmentRequest.of("jt_closed")));
            EndpointRecord c =
                    bed.layer.endpoints().attach(endpoint("jt-c-1", List.of("c"), AttachmentRequest.of("jt_closed")));
            bed.httpd(c.netns(), 80, "internal peer\n");
            assertThat(bed.fetchFrom(a.netns(), "198.18.0.2", 8080)).isEqualTo("outside\n");
            assertThat(bed.in(b.netns(), "ip", "route", "show", "default").stdout())
                    .isEmpty();
            // Even a container that adds its own route gets nothing through: FORWARD drops it.
            bed.in(
                            b.netns(),
                            "ip",
                            "route",
                            "add",
                            "198.18.0.0/30",
                            "via",
                            closed.gateway().toString())
                    .orThrow();
            assertThat(bed.fetchFrom(b.netns(), "198.18.0.2", 8080)).isEmpty();
            assertThat(bed.fetchFrom(b.netns(), c.links().get(0).ip().toString(), 80))
                    .isEqualTo("internal peer\n");
            assertThat(open.internal()).isFalse();
            assertThat(outside).isNotEmpty();
        }
    }
}
