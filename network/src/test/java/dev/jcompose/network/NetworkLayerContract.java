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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link NetworkLayer} does, as the engine relies on it: the same tests run against the
 * real layer (root) and the in-memory fake. Names start with {@code jtc} so that root runs stay
 * apart from other tests' objects.
 */
public abstract class NetworkLayerContract {
    /** A host port the tests publish (fixed: the fake is deterministic, the real host has it free). */
    static final int PORT = 18431;

    /** One implementation on a host of its own, cleaned up (and checked for leaks) at close. */
    protected interface Subject extends AutoCloseable {
        NetworkLayer layer();

        /** A new layer over the same host, as a restarted process sees it (the old one's DNS closed). */
        NetworkLayer restart();

        /** The A records a container on {@code network} gets from its DNS for {@code name}; empty if unknown. */
        List<Ipv4> resolve(NetworkRecord network, String name) throws Exception;
    }

    protected abstract Subject open() throws Exception;

    private Subject subject;
    private NetworkLayer layer;

    @BeforeEach
    void openSubject() throws Exception {
        subject = open();
        layer = subject.layer();
    }

    @AfterEach
    void closeSubject() throws Exception {
        subject.close();
    }

    private static EndpointSpec bridged(String id, String network, PortRequest... ports) {
        return new EndpointSpec(
                id, List.of(id), new NetworkMode.Bridge(), List.of(AttachmentRequest.of(network)), List.of(ports));
    }

    private Ipv4 ip(String id) {
        return layer.endpoints().state().endpoints().get(id).links().get(0).ip();
    }

    @Test
    void ensureIsIdempotentAndRefusesAnotherConfiguration() {
        NetworkRecord first = layer.networks().ensure(NetworkSpec.of("jtc_same"));
        NetworkRecord again = layer.networks().ensure(NetworkSpec.of("jtc_same"));

        assertThat(again).isEqualTo(first);
        assertThat(first.phase()).isEqualTo(Phase.READY);
        assertThat(first.subnet().contains(first.gateway())).isTrue();
        assertThat(layer.networks().state().networks()).containsOnlyKeys("jtc_same");
        assertThatThrownBy(
                        () -> layer.networks().ensure(NetworkSpec.of("jtc_same").internalNetwork()))
                .hasMessage("network jtc_same exists with a different configuration (internal false -> true)");
        assertThatThrownBy(() ->
                        layer.networks().ensure(new NetworkSpec("jtc_ext", false, true, null, null, null, false, null)))
                .hasMessage("network jtc_ext declared as external, but could not be found");
    }

    @Test
    void whatRunsMeanwhileSeesTheAddressesAndNamespaceAndItsFailureRemovesTheEndpoint() {
        NetworkRecord n = layer.networks().ensure(NetworkSpec.of("jtc_mean"));
        List<EndpointRecord> seen = new ArrayList<>();

        EndpointRecord ready =
                layer.endpoints().attach(bridged("jtc-m-1", "jtc_mean", PortRequest.of("tcp", PORT, 80)), seen::add);

        assertThat(seen).singleElement().satisfies(r -> {
            assertThat(r.links())
                    .extracting(LinkRecord::ip)
                    .containsExactly(ready.links().get(0).ip());
            assertThat(r.netns()).isEqualTo(ready.netns());
            assertThat(n.subnet().contains(r.links().get(0).ip())).isTrue();
        });
        assertThat(ready.phase()).isEqualTo(Phase.READY);
        assertThat(ready.ports()).extracting(PublishedPort::hostPort).containsExactly(PORT);

        assertThatThrownBy(() -> layer.endpoints().attach(bridged("jtc-m-2", "jtc_mean"), r -> {
                    throw new IllegalStateException("runtime create failed");
                }))
                .hasMessage("runtime create failed");
        assertThat(layer.endpoints().state().endpoints()).containsOnlyKeys("jtc-m-1");
        assertThat(layer.networks().state().networks().get("jtc_mean").leases()).hasSize(1);
    }

    @Test
    void addressesAreUniquePerNetworkAndSubnetsDoNotOverlap() {
        NetworkRecord a = layer.networks().ensure(NetworkSpec.of("jtc_a"));
        NetworkRecord b = layer.networks().ensure(NetworkSpec.of("jtc_b"));
        assertThat(a.subnet().overlaps(b.subnet())).isFalse();

        Set<Ipv4> ips = new HashSet<>();
        for (int i = 1; i <= 5; i++) {
            EndpointRecord e = layer.endpoints().attach(bridged("jtc-a-" + i, "jtc_a"));
            Ipv4 ip = e.links().get(0).ip();
            assertThat(a.subnet().contains(ip)).isTrue();
            assertThat(ip).isNotEqualTo(a.gateway());
            assertThat(ips.add(ip)).as("duplicate %s", ip).isTrue();
        }
        assertThat(layer.networks().state().networks().get("jtc_a").leases()).hasSize(5);
        assertThat(layer.endpoints()
                        .attach(bridged("jtc-a-1", "jtc_a"))
                        .links()
                        .get(0)
                        .ip())
                .as("attaching a ready endpoint again returns it")
                .isEqualTo(ip("jtc-a-1"));
        Ipv4 taken = ip("jtc-a-3");
        assertThatThrownBy(() -> layer.endpoints()
                        .attach(new EndpointSpec(
                                "jtc-static",
                                List.of(),
                                new NetworkMode.Bridge(),
                                List.of(new AttachmentRequest("jtc_a", 0, List.of(), taken, null)),
                                List.of())))
                .hasMessage("ipv4_address " + taken + " on network jtc_a is already used by jtc-a-3");
        assertThat(layer.endpoints().state().endpoints()).doesNotContainKey("jtc-static");
    }

    @Test
    void parallelAttachesGetDistinctAddressesAndPorts() throws Exception {
        layer.networks().ensure(NetworkSpec.of("jtc_many"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<EndpointRecord>> attached = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String id = "jtc-m-" + i;
                attached.add(pool.submit(
                        () -> layer.endpoints().attach(bridged(id, "jtc_many", PortRequest.random("tcp", 80)))));
            }
            Set<Ipv4> ips = new HashSet<>();
            Set<Integer> ports = new HashSet<>();
            for (Future<EndpointRecord> f : attached) {
                EndpointRecord e = f.get(120, TimeUnit.SECONDS);
                assertThat(ips.add(e.links().get(0).ip())).isTrue();
                assertThat(ports.add(e.ports().get(0).hostPort())).isTrue();
            }
            assertThat(layer.networks().state().networks().get("jtc_many").leases())
                    .hasSize(12);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void detachReleasesTheLeaseForTheNextEndpoint() {
        layer.networks().ensure(NetworkSpec.of("jtc_lease"));
        layer.endpoints().attach(bridged("jtc-l-1", "jtc_lease"));
        layer.endpoints().attach(bridged("jtc-l-2", "jtc_lease"));
        Ipv4 first = ip("jtc-l-1");

        layer.endpoints().detach("jtc-l-1");
        layer.endpoints().detach("jtc-l-1");

        assertThat(layer.networks().state().networks().get("jtc_lease").leases())
                .doesNotContainKey(first)
                .containsValue("jtc-l-2");
        assertThat(layer.endpoints()
                        .attach(bridged("jtc-l-3", "jtc_lease"))
                        .links()
                        .get(0)
                        .ip())
                .as("the lowest free address again")
                .isEqualTo(first);
    }

    @Test
    void aSecondPublicationOfAHostPortFails() {
        layer.networks().ensure(NetworkSpec.of("jtc_pub"));
        EndpointRecord a = layer.endpoints().attach(bridged("jtc-p-1", "jtc_pub", PortRequest.of("tcp", PORT, 80)));
        assertThat(a.ports())
                .containsExactly(new PublishedPort(
                        "jtc-p-1", "tcp", null, PORT, a.links().get(0).ip(), 80));

        assertThatThrownBy(
                        () -> layer.endpoints().attach(bridged("jtc-p-2", "jtc_pub", PortRequest.of("tcp", PORT, 81))))
                .hasMessage("cannot publish 0.0.0.0:" + PORT + "/tcp for jtc-p-2: already published by jtc-p-1");
        assertThat(layer.endpoints().state().endpoints()).containsOnlyKeys("jtc-p-1");
        assertThat(layer.networks().state().networks().get("jtc_pub").leases().values())
                .containsExactly("jtc-p-1");
    }

    @Test
    void unpublishFreesThePortUntilPublishTakesItAgain() {
        layer.networks().ensure(NetworkSpec.of("jtc_free"));
        layer.endpoints().attach(bridged("jtc-f-1", "jtc_free", PortRequest.of("tcp", PORT, 80)));

        layer.endpoints().unpublish("jtc-f-1");
        layer.endpoints().unpublish("jtc-f-1");
        EndpointRecord stopped = layer.endpoints().state().endpoints().get("jtc-f-1");
        assertThat(stopped.ports()).isEmpty();
        assertThat(stopped.requests()).containsExactly(PortRequest.of("tcp", PORT, 80));

        EndpointRecord other =
                layer.endpoints().attach(bridged("jtc-f-2", "jtc_free", PortRequest.of("tcp", PORT, 80)));
        assertThat(other.ports()).extracting(PublishedPort::hostPort).containsExactly(PORT);
        assertThatThrownBy(() -> layer.endpoints().publish("jtc-f-1"))
                .hasMessage("cannot publish 0.0.0.0:" + PORT + "/tcp for jtc-f-1: already published by jtc-f-2");

        layer.endpoints().detach("jtc-f-2");
        assertThat(layer.endpoints().publish("jtc-f-1").ports())
                .extracting(PublishedPort::hostPort)
                .containsExactly(PORT);
        assertThat(layer.endpoints().publish("jtc-f-1").ports())
                .as("published already: unchanged")
                .hasSize(1);
        assertThat(layer.endpoints().publish("jtc-missing")).isNull();
    }

    @Test
    void removeRefusesANetworkWithEndpointsAndIgnoresAMissingOne() {
        layer.networks().ensure(NetworkSpec.of("jtc_busy"));
        layer.endpoints().attach(bridged("jtc-b-1", "jtc_busy"));

        assertThatThrownBy(() -> layer.networks().remove("jtc_busy"))
                .hasMessage("network jtc_busy is in use by jtc-b-1");
        assertThat(layer.networks().state().networks()).containsKey("jtc_busy");

        layer.endpoints().detach("jtc-b-1");
        layer.networks().remove("jtc_busy");
        layer.networks().remove("jtc_busy");
        assertThat(layer.networks().state()).isEqualTo(NetworkState.empty());
    }

    @Test
    void aRestartedLayerRecoversTheSameStateAndAnswersItsNames() throws Exception {
        NetworkRecord n = layer.networks().ensure(NetworkSpec.of("jtc_keep"));
        layer.endpoints().attach(bridged("jtc-k-1", "jtc_keep", PortRequest.of("tcp", PORT, 80)));
        layer.endpoints().attach(bridged("jtc-k-2", "jtc_keep"));
        layer.endpoints().unpublish("jtc-k-2");
        NetworkState before = layer.networks().state();

        NetworkLayer again = subject.restart();
        again.recover();
        again.dns().load(again.networks().state());
        again.dns().serve(n);

        assertThat(again.networks().state()).isEqualTo(before);
        assertThat(subject.resolve(n, "jtc-k-1")).containsExactly(ip("jtc-k-1"));
        assertThatThrownBy(
                        () -> again.endpoints().attach(bridged("jtc-k-3", "jtc_keep", PortRequest.of("tcp", PORT, 80))))
                .hasMessage("cannot publish 0.0.0.0:" + PORT + "/tcp for jtc-k-3: already published by jtc-k-1");
        again.dns().stop(n.name());
    }

    @Test
    void dnsAnswersANameAndItsAliasesWhileAttached() throws Exception {
        NetworkRecord n = layer.networks().ensure(NetworkSpec.of("jtc_dns"));
        layer.dns().serve(n);
        layer.dns().serve(n);
        EndpointRecord e = layer.endpoints()
                .attach(new EndpointSpec(
                        "jtc-d-1",
                        List.of("web", "jtc-d-1"),
                        new NetworkMode.Bridge(),
                        List.of(AttachmentRequest.of("jtc_dns", "front")),
                        List.of()));
        assertThat(subject.resolve(n, "web")).as("not registered yet").isEmpty();

        layer.dns().attached(e);
        Ipv4 ip = e.links().get(0).ip();
        assertThat(subject.resolve(n, "web")).containsExactly(ip);
        assertThat(subject.resolve(n, "FRONT")).containsExactly(ip);
        assertThat(subject.resolve(n, "jtc-d-1")).containsExactly(ip);
        assertThat(subject.resolve(n, "db")).isEmpty();

        layer.dns().detached(e);
        layer.endpoints().detach("jtc-d-1");
        assertThat(subject.resolve(n, "web")).isEmpty();
        layer.dns().stop(n.name());
        layer.dns().stop(n.name());
    }
}
