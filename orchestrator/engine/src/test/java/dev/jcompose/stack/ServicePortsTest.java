package dev.jcompose.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.model.ServicePort;
import dev.jcompose.nat.NatException;
import dev.jcompose.nat.PortRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service's ports become the network layer's requests from their fields, both syntaxes alike. */
class ServicePortsTest {
    @TempDir
    Path tmp;

    private List<PortRequest> requests(String ports) throws Exception {
        return TestProjects.load(tmp, "t", "services:\n  web:\n    image: busybox\n    ports:\n" + ports)
                .services()
                .get("web")
                .ports()
                .stream()
                .map(ServicePorts::request)
                .toList();
    }

    @Test
    void shortAndLongSyntaxGiveTheNetworkLayersRequests() throws Exception {
        assertThat(requests("""
                      - "0.0.0.0:8080:80"
                      - "8000-8001:9000-9001"
                      - "53/udp"
                      - {target: 443, host_ip: 127.0.0.2, published: "8443", protocol: tcp}
                      - {target: 22, host_ip: 127.0.0.1}
                      - {target: 25, published: "0"}
                """))
                .containsExactly(
                        PortRequest.of("tcp", 8080, 80),
                        PortRequest.of("tcp", 8000, 9000),
                        PortRequest.of("tcp", 8001, 9001),
                        PortRequest.random("udp", 53),
                        PortRequest.parse("127.0.0.2:8443:443/tcp"),
                        PortRequest.parse("127.0.0.1::22/tcp"),
                        PortRequest.random("tcp", 25));
    }

    @Test
    void aHostRangeForOnePortIsOneFreePortOfItAndWhatTheNetworkLayerCannotPublishFailsNamingThePort() throws Exception {
        assertThat(requests("      - \"8000-8001:80\"\n"))
                .containsExactly(new PortRequest("tcp", null, 8000, 8001, 80, 80));
        assertThatThrownBy(() -> requests("      - \"[::1]::80\"\n"))
                .isInstanceOf(NatException.class)
                .hasMessage("cannot publish [::1]::80/tcp: IPv6 host addresses are not supported yet");
        assertThatThrownBy(() -> ServicePorts.request(new ServicePort(null, null, null, 80, null, "sctp", null)))
                .isInstanceOf(NatException.class)
                .hasMessage("unsupported port protocol 'sctp'");
    }
}
