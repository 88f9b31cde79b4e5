package dev.jcompose.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortsTest {
    private static PortPublisher p(String url, int target, int published) {
        return new PortPublisher(url, target, published, "tcp");
    }

    /** {@code ip/published/target/protocol} items separated by spaces. */
    private static List<PortPublisher> parse(String spec) {
        return Arrays.stream(spec.split(" "))
                .map(item -> item.split("/", -1))
                .map(f -> new PortPublisher(f[0], Integer.parseInt(f[2]), Integer.parseInt(f[1]), f[3]))
                .toList();
    }

    // the cases of docker/cli's TestDisplayablePorts
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/0/9988/tcp|9988/tcp",
                "/0/9988/udp|9988/udp",
                "0.0.0.0/0/9988/tcp|0.0.0.0:0->9988/tcp",
                "::/0/9988/tcp|[::]:0->9988/tcp",
                "4.3.2.1/8899/9988/tcp|4.3.2.1:8899->9988/tcp",
                "4.3.2.1/9988/9988/tcp|4.3.2.1:9988->9988/tcp",
                "::1/9988/9988/tcp|[::1]:9988->9988/tcp",
                "/0/9988/udp /0/9988/udp|9988/udp, 9988/udp",
                "1.2.3.4/9998/9998/udp 1.2.3.4/9999/9999/udp|1.2.3.4:9998-9999->9998-9999/udp",
                "::1/9998/9998/udp ::1/9999/9999/udp|[::1]:9998-9999->9998-9999/udp",
                "1.2.3.4/8887/9998/udp 1.2.3.4/8888/9999/udp|1.2.3.4:8887->9998/udp, 1.2.3.4:8888->9999/udp",
                "/0/9998/udp /0/9999/udp|9998-9999/udp",
                "1.2.3.4/7766/6677/tcp /0/9988/udp|9988/udp, 1.2.3.4:7766->6677/tcp",
                "1.2.3.4/8899/9988/udp 1.2.3.4/8899/9988/tcp 4.3.2.1/3322/2233/tcp ::1/3322/2233/tcp|"
                        + "4.3.2.1:3322->2233/tcp, [::1]:3322->2233/tcp, 1.2.3.4:8899->9988/tcp, 1.2.3.4:8899->9988/udp",
                "/0/80/tcp /0/1024/tcp /0/80/udp /0/1024/udp 1.1.1.1/80/1024/tcp 1.1.1.1/80/1024/udp 1.1.1.1/1024/80/tcp "
                        + "1.1.1.1/1024/80/udp 2.1.1.1/80/1024/tcp 2.1.1.1/80/1024/udp 2.1.1.1/1024/80/tcp 2.1.1.1/1024/80/udp "
                        + "/0/12345/sctp|80/tcp, 80/udp, 1024/tcp, 1024/udp, 12345/sctp, 1.1.1.1:1024->80/tcp, "
                        + "1.1.1.1:1024->80/udp, 2.1.1.1:1024->80/tcp, 2.1.1.1:1024->80/udp, 1.1.1.1:80->1024/tcp, "
                        + "1.1.1.1:80->1024/udp, 2.1.1.1:80->1024/tcp, 2.1.1.1:80->1024/udp",
                "10.0.0.1/81/80/tcp 9.0.0.1/81/80/tcp ::/81/80/tcp|9.0.0.1:81->80/tcp, 10.0.0.1:81->80/tcp, [::]:81->80/tcp",
            })
    void dockerCliCases(String spec, String expected) {
        assertThat(Ports.display(parse(spec))).isEqualTo(expected);
    }

    @Test
    void publishedAndExposed() {
        assertThat(Ports.display(List.of(PortPublisher.exposed(443, "tcp"), p("127.0.0.1", 80, 8080))))
                .isEqualTo("443/tcp, 127.0.0.1:8080->80/tcp");
    }

    @Test
    void collapsesExposedRanges() {
        assertThat(Ports.display(List.of(
                        PortPublisher.exposed(81, "tcp"),
                        PortPublisher.exposed(80, "tcp"),
                        PortPublisher.exposed(82, "tcp"),
                        PortPublisher.exposed(90, "tcp"))))
                .isEqualTo("80-82/tcp, 90/tcp");
    }

    @Test
    void collapsesSamePortRangesPerAddress() {
        assertThat(Ports.display(List.of(
                        p("0.0.0.0", 8000, 8000), p("0.0.0.0", 8001, 8001), p("::", 8000, 8000), p("::", 8001, 8001))))
                .isEqualTo("0.0.0.0:8000-8001->8000-8001/tcp, [::]:8000-8001->8000-8001/tcp");
    }

    @Test
    void differentHostPortsAreListedOneByOneLast() {
        assertThat(Ports.display(
                        List.of(p("0.0.0.0", 80, 8000), p("0.0.0.0", 81, 8001), PortPublisher.exposed(443, "tcp"))))
                .isEqualTo("443/tcp, 0.0.0.0:8000->80/tcp, 0.0.0.0:8001->81/tcp");
    }

    @Test
    void protocolsAreSeparateGroups() {
        assertThat(Ports.display(List.of(
                        PortPublisher.exposed(53, "udp"),
                        PortPublisher.exposed(53, "tcp"),
                        PortPublisher.exposed(54, "udp"))))
                .isEqualTo("53/tcp, 53-54/udp");
    }

    @Test
    void emptyWhenNoPorts() {
        assertThat(Ports.display(List.of())).isEmpty();
        assertThat(new PortPublisher(null, 80, 0, null).protocol()).isEqualTo("tcp");
    }

    @Test
    void portCommandPrintsTheHostSide() {
        List<PortPublisher> ps = List.of(
                PortPublisher.exposed(443, "tcp"),
                p("127.0.0.1", 80, 8080),
                p("::1", 81, 9090),
                new PortPublisher("", 53, 5353, "udp"));
        assertThat(PortFormatter.published(ps, 80, "tcp")).contains("127.0.0.1:8080");
        assertThat(PortFormatter.published(ps, 81, "tcp")).contains("[::1]:9090");
        assertThat(PortFormatter.published(ps, 53, "udp")).contains("0.0.0.0:5353");
        assertThat(PortFormatter.published(ps, 443, "tcp")).isEmpty();
        assertThat(PortFormatter.published(ps, 53, "tcp")).isEmpty();
    }
}
