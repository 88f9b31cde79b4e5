package dev.jcompose.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PortsTest {
    private static PortPublisher p(String url, int target, int published) {
        return new PortPublisher(url, target, published, "tcp");
    }

    @Test
    void publishedAndExposed() {
        assertThat(Ports.display(List.of(PortPublisher.exposed(443, "tcp"), p("127.0.0.1", 80, 8080))))
                .isEqualTo("443/tcp, 127.0.0.1:8080->80/tcp");
    }

    @Test
    void collapsesExposedRanges() {
        assertThat(Ports.display(List.of(PortPublisher.exposed(81, "tcp"), PortPublisher.exposed(80, "tcp"),
                PortPublisher.exposed(82, "tcp"), PortPublisher.exposed(90, "tcp"))))
                .isEqualTo("80-82/tcp, 90/tcp");
    }

    @Test
    void collapsesSamePortRangesPerAddress() {
        assertThat(Ports.display(List.of(p("0.0.0.0", 8000, 8000), p("0.0.0.0", 8001, 8001), p("::", 8000, 8000),
                p("::", 8001, 8001))))
                .isEqualTo("0.0.0.0:8000-8001->8000-8001/tcp, [::]:8000-8001->8000-8001/tcp");
    }

    @Test
    void differentHostPortsAreListedOneByOneLast() {
        assertThat(Ports.display(List.of(p("0.0.0.0", 80, 8000), p("0.0.0.0", 81, 8001),
                PortPublisher.exposed(443, "tcp"))))
                .isEqualTo("443/tcp, 0.0.0.0:8000->80/tcp, 0.0.0.0:8001->81/tcp");
    }

    @Test
    void protocolsAreSeparateGroups() {
        assertThat(Ports.display(List.of(PortPublisher.exposed(53, "udp"), PortPublisher.exposed(53, "tcp"),
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
        List<PortPublisher> ps = List.of(PortPublisher.exposed(443, "tcp"), p("127.0.0.1", 80, 8080),
                p("::1", 81, 9090), new PortPublisher("", 53, 5353, "udp"));
        assertThat(PortFormatter.published(ps, 80, "tcp")).contains("127.0.0.1:8080");
        assertThat(PortFormatter.published(ps, 81, "tcp")).contains("[::1]:9090");
        assertThat(PortFormatter.published(ps, 53, "udp")).contains("0.0.0.0:5353");
        assertThat(PortFormatter.published(ps, 443, "tcp")).isEmpty();
        assertThat(PortFormatter.published(ps, 53, "tcp")).isEmpty();
    }
}
