package dev.jcompose.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.bridge.LinkNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * docker compose's e2e behaviour for networks, DNS, ports and ps (issue 14 item 4), on busybox through
 * the CLI and the real engine: names resolve on every network of a container, on internal networks, and
 * through {@code links:} aliases (TestNetworks, TestNetworkAliases); {@code mac_address} and
 * {@code interface_name} are applied (TestMacAddress, TestInterfaceName); a network whose definition
 * changed is recreated and the same container reconnected (TestNetworkConfigChanged, TestNetworkRecreate);
 * replicas share a host port range (TestPortRange); {@code ps} shows exposed ports and compose's JSON
 * fields (TestPs). Each scenario checks that nothing leaks.
 */
@Tag("root")
class NetworkParityRootTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** busybox's nslookup through the container's resolv.conf: exit 0 and an address, or the failure. */
    private static EngineSandbox.Run lookup(EngineSandbox box, String project, String from, String name) {
        return box.cli("-p", project, "exec", "-T", from, "nslookup", name);
    }

    private static void resolves(EngineSandbox box, String project, String from, String name) {
        EngineSandbox.Run r = lookup(box, project, from, name);
        assertThat(r.exit())
                .as("nslookup %s from %s:\n%s%s", name, from, r.out(), r.err())
                .isZero();
        assertThat(r.out()).containsPattern("Address: \\d+\\.\\d+\\.\\d+\\.\\d+");
    }

    private static void doesNotResolve(EngineSandbox box, String project, String from, String name) {
        EngineSandbox.Run r = lookup(box, project, from, name);
        assertThat(r.exit())
                .as("nslookup %s from %s:\n%s%s", name, from, r.out(), r.err())
                .isNotZero();
    }

    private static String up(EngineSandbox box, String project) {
        EngineSandbox.Run up = box.cli("-p", project, "--progress", "plain", "up", "-d");
        assertThat(up.exit()).as(up.err()).isZero();
        return up.err();
    }

    private static void write(EngineSandbox box, String yaml) throws IOException {
        Files.writeString(box.app().resolve("compose.yaml"), yaml);
    }

    @Test
    void namesResolveOnEveryNetworkOnInternalNetworksAndThroughLinkAliases() throws Exception {
        EngineSandbox.isolated(box -> {
            String project = box.track("nd" + box.tag);
            write(box, """
                    services:
                      web:
                        image: busybox:1.36
                        command: ["sleep", "300"]
                        networks: [front, back]
                      front-only:
                        image: busybox:1.36
                        command: ["sleep", "300"]
                        networks: [front]
                      back-only:
                        image: busybox:1.36
                        command: ["sleep", "300"]
                        networks: [back]
                      sealed-a:
                        image: busybox:1.36
                        command: ["sleep", "300"]
                        networks: [sealed]
                      sealed-b:
                        image: busybox:1.36
                        command: ["sleep", "300"]
                        networks: [sealed]
                      container1:
                        image: busybox:1.36
                        command: ["sleep", "300"]
                        links: ["container2:container"]
                      container2:
                        image: busybox:1.36
                        command: ["sleep", "300"]
                        networks:
                          default:
                            aliases: [alias-of-container2]
                    networks:
                      front: {}
                      back: {}
                      sealed:
                        internal: true
                    """);
            String err = up(box, project);
            assertThat(err).doesNotContain("links aliases");
            // TestNetworks: a container on two networks finds the services of both
            resolves(box, project, "web", "front-only");
            resolves(box, project, "web", "back-only");
            resolves(box, project, "front-only", "web");
            resolves(box, project, "back-only", "web");
            doesNotResolve(box, project, "front-only", "back-only");
            // internal: true: the embedded DNS still answers the network's names
            assertThat(box.cli("-p", project, "exec", "-T", "sealed-a", "cat", "/etc/resolv.conf")
                            .out())
                    .startsWith("nameserver ");
            resolves(box, project, "sealed-a", "sealed-b");
            resolves(box, project, "sealed-b", "sealed-a");
            // TestNetworkAliases: the network alias for everyone, the link alias for the linking container
            resolves(box, project, "container1", "alias-of-container2");
            resolves(box, project, "container1", "container");
            doesNotResolve(box, project, "container2", "container");
            assertThat(lookup(box, project, "container1", "container").out())
                    .contains(address(box, project, "container2", "eth0"));

            box.cli("-p", project, "--progress", "plain", "down", "-t", "0").assertOk("down");
            for (String net : List.of("front", "back", "sealed", "default")) {
                assertThat(EngineSandbox.linkExists(LinkNames.bridge(project + "_" + net)))
                        .as("bridge of " + net)
                        .isFalse();
            }
        });
    }

    @Test
    void macAddressAndInterfaceNameAreApplied() throws Exception {
        EngineSandbox.isolated(box -> {
            String project = box.track("nm" + box.tag);
            write(box, """
                    services:
                      test:
                        image: busybox:1.36
                        command: ["sleep", "300"]
                        mac_address: 00:e0:84:35:d0:e8
                      named:
                        image: busybox:1.36
                        command: ["ip", "link", "show"]
                        networks:
                          default:
                            interface_name: foobar
                    """);
            EngineSandbox.Run up = box.cli("-p", project, "--progress", "plain", "up", "-d", "test");
            assertThat(up.exit()).as(up.err()).isZero();
            assertThat(up.err()).doesNotContain("mac_address", "interface_name");
            assertThat(box.cli("-p", project, "exec", "-T", "test", "cat", "/sys/class/net/eth0/address")
                            .out())
                    .isEqualTo("00:e0:84:35:d0:e8\n");
            EngineSandbox.Run run = box.cli("-p", project, "run", "--rm", "named");
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).contains(": foobar@");
            box.cli("-p", project, "down", "-t", "0").assertOk("down");
        });
    }

    @Test
    void aChangedNetworkIsRecreatedAndTheSameContainerReconnected() throws Exception {
        EngineSandbox.isolated(box -> {
            String project = box.track("nc" + box.tag);
            write(box, """
                    services:
                      test:
                        image: busybox:1.36
                        init: true
                        command: ["sleep", "300"]
                        networks: [test]
                      peer:
                        image: busybox:1.36
                        command: ["sleep", "300"]
                        networks: [test]
                    networks:
                      test:
                        ipam:
                          config:
                            - subnet: ${SUBNET-192.168.213.0/24}
                    """);
            up(box, project);
            String id = box.cli("-p", project, "ps", "-q", "test").out().strip();
            assertThat(address(box, project, "test", "eth0")).startsWith("192.168.213.");

            box.env("SUBNET", "192.168.214.0/24");
            String err = up(box, project);
            assertThat(err)
                    .contains(
                            "Container " + project + "-test-1  Stopped",
                            "Network " + project + "_test  Removed",
                            "Network " + project + "_test  Created",
                            "Container " + project + "-test-1  Started")
                    .doesNotContain("has changed since it was created", "Recreate");
            assertThat(box.cli("-p", project, "ps", "-q", "test").out().strip())
                    .as("the same container")
                    .isEqualTo(id);
            assertThat(address(box, project, "test", "eth0")).startsWith("192.168.214.");
            assertThat(box.cli("-p", project, "exec", "-T", "test", "cat", "/etc/hosts")
                            .out())
                    .contains("192.168.214.")
                    .doesNotContain("192.168.213.");
            resolves(box, project, "peer", "test");
            assertThat(lookup(box, project, "peer", "test").out()).contains("Address: 192.168.214.");

            box.cli("-p", project, "down", "-t", "0").assertOk("down");
        });
    }

    @Test
    void replicasTakeFreePortsOfARangeAndPsShowsExposedPortsAndMounts() throws Exception {
        EngineSandbox.isolated(box -> {
            String project = box.track("np" + box.tag);
            int first = freeRange(11);
            int single = freePort();
            Path bind = Files.createDirectories(box.dir.resolve("bound-configuration"));
            write(box, """
                    services:
                      a:
                        image: busybox:1.36
                        command: ["sleep", "300"]
                        scale: 5
                        ports: ["127.0.0.1:%d-%d:80"]
                      b:
                        image: busybox:1.36
                        command: ["sleep", "300"]
                        ports: ["127.0.0.1::80"]
                      exposer:
                        image: busybox:1.36
                        command: ["sleep", "300"]
                        expose: ["80", "443", "8080"]
                      publisher:
                        image: busybox:1.36
                        command: ["busybox", "httpd", "-f", "-p", "8000"]
                        ports: ["127.0.0.1:%d:8000"]
                        volumes: ["data:/data", "%s:/conf"]
                    volumes:
                      data: {}
                    """.formatted(first, first + 10, single, bind));
            up(box, project);

            // TestPortRange: five replicas, each on its own port of the range
            List<JsonNode> rows = psJson(box, project);
            assertThat(rows).hasSize(8);
            List<Integer> ports = rows.stream()
                    .filter(r -> r.path("Service").asText().equals("a"))
                    .map(r -> r.path("Publishers").get(0).path("PublishedPort").asInt())
                    .toList();
            assertThat(ports).hasSize(5).doesNotHaveDuplicates().allMatch(p -> p >= first && p <= first + 10);
            assertThat(rows).allMatch(r -> r.path("State").asText().equals("running"));

            // TestPs: exposed-only ports in the table and as publishers without a host side
            String table = box.cli("-p", project, "ps").out();
            assertThat(table.lines().filter(l -> l.startsWith(project + "-exposer-1")))
                    .singleElement()
                    .asString()
                    .contains("80/tcp, 443/tcp, 8080/tcp");
            assertThat(table.lines().filter(l -> l.startsWith(project + "-publisher-1")))
                    .singleElement()
                    .asString()
                    .contains("127.0.0.1:" + single + "->8000/tcp");
            Map<String, JsonNode> byName =
                    rows.stream().collect(Collectors.toMap(r -> r.path("Name").asText(), Function.identity()));
            JsonNode exposer = byName.get(project + "-exposer-1");
            assertThat(publishers(exposer)).containsExactly(":80->0/tcp", ":443->0/tcp", ":8080->0/tcp");
            JsonNode publisher = byName.get(project + "-publisher-1");
            assertThat(publishers(publisher)).containsExactly("127.0.0.1:8000->" + single + "/tcp");
            assertThat(publisher.path("LocalVolumes").asText()).isEqualTo("1");
            assertThat(publisher.path("Mounts").asText()).contains(project + "_data");
            assertThat(publisher.path("Size").asText()).isEqualTo("0B");
            assertThat(exposer.path("LocalVolumes").asText()).isEqualTo("0");
            assertThat(exposer.path("Mounts").asText()).isEmpty();
            JsonNode full = psJson(box, project, "--no-trunc").stream()
                    .filter(r -> r.path("Name").asText().equals(project + "-publisher-1"))
                    .findFirst()
                    .orElseThrow();
            assertThat(full.path("Mounts").asText().split(","))
                    .containsExactlyInAnyOrder(project + "_data", bind.toString());

            box.cli("-p", project, "down", "-v", "-t", "0").assertOk("down");
        });
    }

    private static List<JsonNode> psJson(EngineSandbox box, String project, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("-p", project, "ps", "--format", "json"));
        args.addAll(List.of(extra));
        EngineSandbox.Run ps = box.cli(args.toArray(String[]::new)).assertOk("ps");
        return ps.out()
                .lines()
                .filter(l -> !l.isBlank())
                .map(l -> {
                    try {
                        return JSON.readTree(l);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }

    /** Publishers as {@code URL:TargetPort->PublishedPort/Protocol}, in order. */
    private static List<String> publishers(JsonNode row) {
        List<String> out = new java.util.ArrayList<>();
        row.path("Publishers")
                .forEach(p -> out.add(
                        p.path("URL").asText() + ":" + p.path("TargetPort").asInt() + "->"
                                + p.path("PublishedPort").asInt() + "/"
                                + p.path("Protocol").asText()));
        return out;
    }

    /** The container's IPv4 address on {@code ifName}, as {@code ip} inside it shows it. */
    private static String address(EngineSandbox box, String project, String service, String ifName) {
        String out = box.cli("-p", project, "exec", "-T", service, "ip", "-4", "-o", "addr", "show", ifName)
                .out();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("inet (\\d+\\.\\d+\\.\\d+\\.\\d+)/")
                .matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The first of {@code n} consecutive ports free on 127.0.0.1 (below the ephemeral range). */
    private static int freeRange(int n) {
        for (int start = 20000 + (int) (ProcessHandle.current().pid() % 97) * 50; start < 32000; start += n) {
            boolean free = true;
            for (int p = start; p < start + n && free; p++) {
                try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
                    free = s.getLocalPort() == p;
                } catch (IOException taken) {
                    free = false;
                }
            }
            if (free) {
                return start;
            }
        }
        throw new AssertionError("no " + n + " consecutive free ports on 127.0.0.1");
    }
}
