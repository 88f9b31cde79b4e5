package dev.jcompose.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortsTest {
    private final Fixture fx = new Fixture();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "'\"80\"'|[{\"mode\":\"ingress\",\"target\":80,\"protocol\":\"tcp\"}]",
                "80|[{\"mode\":\"ingress\",\"target\":80,\"protocol\":\"tcp\"}]",
                "'\"8000:80\"'|[{\"mode\":\"ingress\",\"target\":80,\"published\":\"8000\",\"protocol\":\"tcp\"}]",
                "'\"127.0.0.1:8000:80\"'|[{\"mode\":\"ingress\",\"host_ip\":\"127.0.0.1\",\"target\":80,\"published\":\"8000\",\"protocol\":\"tcp\"}]",
                "'\"127.0.0.1:8000-8001:80-81/udp\"'|[{\"mode\":\"ingress\",\"host_ip\":\"127.0.0.1\",\"target\":80,\"published\":\"8000\",\"protocol\":\"udp\"},{\"mode\":\"ingress\",\"host_ip\":\"127.0.0.1\",\"target\":81,\"published\":\"8001\",\"protocol\":\"udp\"}]",
                "'\"[::1]:80:80\"'|[{\"mode\":\"ingress\",\"host_ip\":\"::1\",\"target\":80,\"published\":\"80\",\"protocol\":\"tcp\"}]",
                "'\"127.0.0.1::80\"'|[{\"mode\":\"ingress\",\"host_ip\":\"127.0.0.1\",\"target\":80,\"protocol\":\"tcp\"}]",
                "'\"8000-8001:80\"'|[{\"mode\":\"ingress\",\"target\":80,\"published\":\"8000-8001\",\"protocol\":\"tcp\"}]",
                "'\"80-82\"'|[{\"mode\":\"ingress\",\"target\":80,\"protocol\":\"tcp\"},{\"mode\":\"ingress\",\"target\":81,\"protocol\":\"tcp\"},{\"mode\":\"ingress\",\"target\":82,\"protocol\":\"tcp\"}]",
                "'\"53:53/udp\"'|[{\"mode\":\"ingress\",\"target\":53,\"published\":\"53\",\"protocol\":\"udp\"}]",
                "'\"9999-10000:9999-10000\"'|[{\"mode\":\"ingress\",\"target\":10000,\"published\":\"10000\",\"protocol\":\"tcp\"},{\"mode\":\"ingress\",\"target\":9999,\"published\":\"9999\",\"protocol\":\"tcp\"}]",
                "'\"3000/SCTP\"'|[{\"mode\":\"ingress\",\"target\":3000,\"protocol\":\"sctp\"}]",
                "'\"0.0.0.0:443:8443/tcp\"'|[{\"mode\":\"ingress\",\"host_ip\":\"0.0.0.0\",\"target\":8443,\"published\":\"443\",\"protocol\":\"tcp\"}]",
                "'{target: 80, published: 8080}'|[{\"mode\":\"ingress\",\"target\":80,\"published\":\"8080\",\"protocol\":\"tcp\"}]",
                "'{target: 80}'|[{\"mode\":\"ingress\",\"target\":80,\"protocol\":\"tcp\"}]",
                "'{target: 80, published: \"8000-8010\"}'|[{\"mode\":\"ingress\",\"target\":80,\"published\":\"8000-8010\",\"protocol\":\"tcp\"}]",
                "'{name: web, app_protocol: http, target: 80, published: \"8080\", host_ip: 127.0.0.1, protocol: UDP, mode: host}'|[{\"name\":\"web\",\"mode\":\"host\",\"host_ip\":\"127.0.0.1\",\"target\":80,\"published\":\"8080\",\"protocol\":\"udp\",\"app_protocol\":\"http\"}]",
                "'{target: \"443\"}'|[{\"mode\":\"ingress\",\"target\":443,\"protocol\":\"tcp\"}]",
            })
    void canonicalForms(String entry, String json) {
        assertThat(fx.field("ports:\n  - " + entry, "ports")).isEqualTo(json);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "abc|invalid containerPort: abc",
                "x:80|invalid hostPort: x",
                "80/foo|invalid proto: foo",
                "8000-8001:80-82|invalid ranges specified for container and host Ports: 80-82 and 8000-8001",
                "999.1.1.1:80:80|invalid IP address: 999.1.1.1",
                "localhost:80:80|invalid IP address: localhost",
                "82-80|invalid containerPort: 82-80",
                "70000|invalid containerPort: 70000",
                "8000:|no port specified: 8000:<empty>",
                "'[::1:80:80'|invalid IP address [::1",
            })
    void shortSyntaxErrors(String entry, String problem) {
        assertThat(fx.webError("ports:\n  - \"" + entry + "\""))
                .isEqualTo("compose.yaml:5:9: services.web.ports[0]: " + problem
                        + " | write [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL], e.g. \"127.0.0.1:8080:80/tcp\"");
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            value = {
                "'{published: 80}' => compose.yaml:5:9: services.web.ports[0]: target is required | give the container port, e.g. target: 80",
                "'{target: 0}' => compose.yaml:5:18: services.web.ports[0].target: invalid containerPort: 0 | use a port from 1 to 65535",
                "'{target: 80, protocol: icmp}' => compose.yaml:5:32: services.web.ports[0].protocol: invalid proto: icmp | use tcp, udp or sctp",
                "'{target: 80, mode: bridge}' => compose.yaml:5:28: services.web.ports[0].mode: invalid mode: bridge | use ingress or host",
                "'{target: 80, published: x}' => compose.yaml:5:33: services.web.ports[0].published: invalid hostPort: x | write [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL], e.g. \"127.0.0.1:8080:80/tcp\"",
                "'{target: web}' => compose.yaml:5:18: services.web.ports[0].target: must be an integer | found a string",
                "'{target: 80, publised: 8080}' => compose.yaml:5:22: services.web.ports[0]: additional property 'publised' is not allowed | did you mean 'published'?",
                "'[80]' => compose.yaml:5:9: services.web.ports[0]: must be a string or a number | found a sequence",
            })
    void longSyntaxErrors(String entry, String message) {
        assertThat(fx.webError("ports:\n  - " + entry)).isEqualTo(message);
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            value = {
                "'ports: \"80\"' => compose.yaml:4:12: services.web.ports: must be a list | found a string",
                "'expose: 80' => compose.yaml:4:13: services.web.expose: must be a list | found an integer",
            })
    void wrongTypes(String body, String message) {
        assertThat(fx.webError(body)).isEqualTo(message);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "'[80, \"3000\", \"8000-8010\"]'|[\"80\",\"3000\",\"8000-8010\"]",
                "'[]'|absent",
            })
    void expose(String value, String json) {
        assertThat(fx.field("expose: " + value, "expose")).isEqualTo(json);
    }
}
