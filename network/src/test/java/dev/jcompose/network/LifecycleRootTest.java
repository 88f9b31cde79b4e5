package dev.jcompose.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.bridge.NetworkSpec;
import dev.jcompose.endpoint.AttachmentRequest;
import dev.jcompose.endpoint.EndpointSpec;
import dev.jcompose.endpoint.NetworkMode;
import dev.jcompose.ipam.HostAddresses;
import dev.jcompose.ipam.Ipv4;
import dev.jcompose.ipam.Subnet;
import dev.jcompose.nat.PortRequest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("root")
class LifecycleRootTest {

    @Test
    void fiftyEndpointsFromFourThreadsGetDistinctAddressesAndPorts() throws Exception {
        try (TestBed bed = new TestBed()) {
            bed.layer.networks().ensure(NetworkSpec.of("jt_many"));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<EndpointRecord>> futures = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    String id = "jt-many-" + i;
                    futures.add(pool.submit(() -> bed.layer
                            .endpoints()
                            .attach(new EndpointSpec(
                                    id,
                                    List.of("many"),
                                    new NetworkMode.Bridge(),
                                    List.of(AttachmentRequest.of("jt_many")),
                                    List.of(PortRequest.random("tcp", 80))))));
                }
                Set<Ipv4> ips = new HashSet<>();
                Set<Integer> ports = new HashSet<>();
                for (Future<EndpointRecord> f : futures) {
                    EndpointRecord e = f.get(120, TimeUnit.SECONDS);
                    assertThat(ips.add(e.links().get(0).ip()))
                            .as("duplicate ip %s", e.links().get(0).ip())
                            .isTrue();
                    assertThat(ports.add(e.ports().get(0).hostPort()))
                            .as("duplicate port")
                            .isTrue();
                }
                assertThat(ips).hasSize(50);
                assertThat(bed.registry.lookup("jt_many", "many")).hasSize(50);
                List<Future<?>> detach = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    String id = "jt-many-" + i;
                    detach.add(pool.submit(() -> bed.layer.endpoints().detach(id)));
                }
                for (Future<?> f : detach) {
                    f.get(120, TimeUnit.SECONDS);
                }
                assertThat(bed.registry.lookup("jt_many", "many")).isEmpty();
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void modesOrderAddressingAndIdempotence() throws Exception {
        try (TestBed bed = new TestBed()) {
            NetworkRecord a = bed.layer
                    .networks()
                    .ensure(NetworkSpec.of("jt_a")
                            .withIpam(
                                    Subnet.parse("10.231.0.0/24"),
                                    Ipv4.parse("10.231.0.254"),
                                    Subnet.parse("10.231.0.64/26")));
            NetworkRecord b = bed.layer.networks().ensure(NetworkSpec.of("jt_b"));
            assertThat(bed.layer.networks().ensure(NetworkSpec.of("jt_b"))).isEqualTo(b);
            assertThatThrownBy(() ->
                            bed.layer.networks().ensure(NetworkSpec.of("jt_b").internalNetwork()))
                    .hasMessage("network jt_b exists with a different configuration (internal false -> true)");
            assertThat(a.mtu()).isEqualTo(new HostAddresses(bed.runner).read().uplinkMtu());
            assertThat(a.bridge()).hasSizeLessThanOrEqualTo(15).startsWith("jc-");
            EndpointSpec spec = new EndpointSpec(
                    "jt-two-1",
                    List.of("two"),
                    new NetworkMode.Bridge(),
                    List.of(
                            new AttachmentRequest("jt_a", 0, List.of(), null, "02:aa:bb:cc:dd:ee"),
                            new AttachmentRequest(
                                    "jt_b",
                                    10,
                                    List.of(),
                                    Ipv4.parse(b.subnet().host(77).toString()),
                                    null)),
                    List.of());
            EndpointRecord two = bed.layer.endpoints().attach(spec);
            assertThat(bed.layer.endpoints().attach(spec)).isEqualTo(two);
            assertThat(two.links())
                    .extracting(LinkRecord::network, LinkRecord::ifName)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("jt_b", "eth0"),
                            org.assertj.core.groups.Tuple.tuple("jt_a", "eth1"));
            assertThat(two.links().get(0).ip()).isEqualTo(b.subnet().host(77));
            assertThat(two.links().get(1).ip()).isEqualTo(Ipv4.parse("10.231.0.64"));
            String inside = bed.in(two.netns(), "ip", "-o", "link").stdout();
            assertThat(inside).contains("02:aa:bb:cc:dd:ee").contains("eth0").contains("eth1");
            assertThat(bed.in(two.netns(), "ip", "route", "show", "default").stdout())
                    .contains("via " + b.gateway());

            EndpointRecord none = bed.layer
                    .endpoints()
                    .attach(new EndpointSpec("jt-none-1", List.of(), new NetworkMode.None(), List.of(), List.of()));
            assertThat(bed.in(none.netns(), "ip", "-o", "link").stdout().lines())
                    .hasSize(1)
                    .allMatch(l -> l.contains("lo:"));
            EndpointRecord shared = bed.layer
                    .endpoints()
                    .attach(new EndpointSpec(
                            "jt-side-1", List.of(), new NetworkMode.Shared("jt-two-1"), List.of(), List.of()));
            assertThat(shared.netns()).isEqualTo(two.netns());
            EndpointRecord host = bed.layer
                    .endpoints()
                    .attach(new EndpointSpec("jt-host-1", List.of(), new NetworkMode.Host(), List.of(), List.of()));
            assertThat(host.netns()).isNull();
            assertThat(bed.run("iptables-save")
                            .stdout()
                            .lines()
                            .filter(l -> l.contains("jcompose:hook") && l.contains(" -j JCOMPOSE-")))
                    .as("each hook exactly once")
                    .hasSize(5);

            assertThatThrownBy(() -> bed.layer
                            .endpoints()
                            .attach(new EndpointSpec(
                                    "jt-dup-1",
                                    List.of(),
                                    new NetworkMode.Bridge(),
                                    List.of(new AttachmentRequest(
                                            "jt_b", 0, List.of(), b.subnet().host(77), null)),
                                    List.of())))
                    .hasMessage("ipv4_address " + b.subnet().host(77) + " on network jt_b is already used by jt-two-1");
            assertThatThrownBy(() -> bed.layer
                            .networks()
                            .ensure(new NetworkSpec("jt_v6", false, false, null, null, null, true, null)))
                    .hasMessage("network jt_v6: enable_ipv6 is not supported yet");
            assertThatThrownBy(() -> bed.layer
                            .networks()
                            .ensure(new NetworkSpec("jt_ext", false, true, null, null, null, false, null)))
                    .hasMessage("network jt_ext declared as external, but could not be found");
            assertThat(bed.layer
                            .networks()
                            .ensure(new NetworkSpec("jt_a", false, true, null, null, null, false, null))
                            .bridge())
                    .isEqualTo(a.bridge());
            assertThatThrownBy(() -> bed.layer
                            .networks()
                            .ensure(NetworkSpec.of("jt_c").withIpam(Subnet.parse("10.231.0.0/16"), null, null)))
                    .hasMessage("network jt_c: subnet 10.231.0.0/16 overlaps 10.231.0.0/24 of network jt_a");

            for (String id : List.of("jt-side-1", "jt-two-1", "jt-none-1", "jt-host-1")) {
                bed.layer.endpoints().detach(id);
                bed.layer.endpoints().detach(id);
            }
            assertThat(bed.layer.networks().state().networks().get("jt_b").leases())
                    .isEmpty();
            bed.layer.networks().remove("jt_a");
            bed.layer.networks().remove("jt_a");
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "network.journaled",
                "network.bridge-created",
                "endpoint.journaled",
                "endpoint.netns-created",
                "endpoint.veth-created"
            })
    void recoveryAfterSigkillMidSetupLeavesNothingBehind(String point) throws Exception {
        try (TestBed bed = new TestBed()) {
            Process child = new ProcessBuilder(TestBed.javaMain(RecoveryChild.class, bed.root.toString(), point))
                    .redirectErrorStream(true)
                    .start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
                String line;
                StringBuilder seen = new StringBuilder();
                while ((line = out.readLine()) != null && !line.equals("AT " + point)) {
                    seen.append(line).append('\n');
                }
                assertThat(line).as(seen.toString()).isEqualTo("AT " + point);
            } finally {
                child.destroyForcibly();
                child.waitFor(10, TimeUnit.SECONDS);
            }
            assertThat(Files.exists(bed.root.resolve("run/network/state.json"))).isTrue();
            bed.layer.recover();
            NetworkState s = bed.layer.networks().state();
            assertThat(s.endpoints()).isEmpty();
            assertThat(s.networks().values())
                    .allMatch(n -> n.phase() == Phase.READY && n.leases().isEmpty());
            assertThat(Path.of(bed.root.resolve("run/netns").toString())).isEmptyDirectory();
            assertThat(bed.run("iptables-save", "-t", "nat").stdout()).doesNotContain("18123");
        }
    }

    @Test
    void recoveryLeavesALiveProcessAloneAndAttachFinishesADeadOnesWork() throws Exception {
        try (TestBed bed = new TestBed()) {
            Process child = new ProcessBuilder(
                            TestBed.javaMain(RecoveryChild.class, bed.root.toString(), "endpoint.veth-created"))
                    .redirectErrorStream(true)
                    .start();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()));
                String line;
                while ((line = out.readLine()) != null && !line.equals("AT endpoint.veth-created")) {
                    // skip the child's other output
                }
                assertThat(line).isEqualTo("AT endpoint.veth-created");
                bed.layer.recover();
                EndpointRecord busy = bed.layer.endpoints().state().endpoints().get("jt-crash-1");
                assertThat(busy.phase()).isEqualTo(Phase.CREATING);
                assertThat(bed.run("ip", "link", "show", busy.links().get(0).hostVeth())
                                .ok())
                        .isTrue();
            } finally {
                child.destroyForcibly();
                child.waitFor(10, TimeUnit.SECONDS);
            }
            EndpointRecord fresh = bed.layer
                    .endpoints()
                    .attach(new EndpointSpec(
                            "jt-crash-1",
                            List.of("crash"),
                            new NetworkMode.Bridge(),
                            List.of(AttachmentRequest.of("jt_crash")),
                            List.of(PortRequest.of("tcp", 18123, 80))));
            assertThat(fresh.phase()).isEqualTo(Phase.READY);
            assertThat(fresh.owner()).startsWith(ProcessHandle.current().pid() + "@");
            assertThat(bed.run("iptables-save", "-t", "nat").stdout()).containsOnlyOnce("--dport 18123");
        }
    }

    @Test
    void twoProcessesAllocatingAtOnceNeverShareAnAddressOrPort() throws Exception {
        try (TestBed bed = new TestBed()) {
            bed.layer.networks().ensure(NetworkSpec.of("jt_procs"));
            List<Process> children = new ArrayList<>();
            for (String prefix : List.of("jt-p1-", "jt-p2-")) {
                children.add(
                        new ProcessBuilder(TestBed.javaMain(ParallelChild.class, bed.root.toString(), prefix, "10"))
                                .redirectErrorStream(true)
                                .start());
            }
            for (Process c : children) {
                String out = new String(c.getInputStream().readAllBytes());
                assertThat(c.waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(c.exitValue()).as(out).isZero();
            }
            NetworkState s = bed.layer.networks().state();
            assertThat(s.endpoints()).hasSize(20);
            assertThat(s.endpoints().values().stream()
                            .map(e -> e.links().get(0).ip())
                            .distinct())
                    .hasSize(20);
            assertThat(s.endpoints().values().stream()
                            .map(e -> e.ports().get(0).hostPort())
                            .distinct())
                    .hasSize(20);
            assertThat(s.networks().get("jt_procs").leases()).hasSize(20);
        }
    }
}
