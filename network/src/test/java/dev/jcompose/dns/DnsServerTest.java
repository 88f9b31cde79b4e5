package dev.jcompose.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.ipam.Ipv4;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

class DnsServerTest {
    private final Vertx vertx = Vertx.vertx();
    private final DnsRegistry registry = new DnsRegistry();
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private SimpleResolver start(String network, boolean internal, List<InetSocketAddress> upstreams, boolean tcp)
            throws Exception {
        int port = freePort();
        closing.add(
                DnsServer.start(vertx, "127.0.0.1", port, new DnsResponder(network, internal, registry, upstreams)));
        SimpleResolver r = new SimpleResolver(new InetSocketAddress("127.0.0.1", port));
        r.setTCP(tcp);
        r.setTimeout(Duration.ofSeconds(3));
        return r;
    }

    private static Message ask(SimpleResolver r, String name, int type) throws Exception {
        return r.send(Message.newQuery(Record.newRecord(Name.fromString(name, Name.root), type, DClass.IN)));
    }

    private static List<String> addresses(Message m) {
        return m.getSection(Section.ANSWER).stream()
                .map(rr -> ((ARecord) rr).getAddress().getHostAddress())
                .toList();
    }

    @Test
    void answersServiceNamesPerNetworkRoundRobinOverUdpAndTcp() throws Exception {
        registry.register("p_default", "web-1", List.of("web", "p-web-1"), Ipv4.parse("172.18.0.2"));
        registry.register("p_default", "web-2", List.of("web", "p-web-2"), Ipv4.parse("172.18.0.3"));
        registry.register("p_other", "db-1", List.of("db"), Ipv4.parse("172.19.0.2"));
        SimpleResolver udp = start("p_default", false, List.of(), false);
        Message first = ask(udp, "web", Type.A);
        Message second = ask(udp, "WEB", Type.A);
        assertThat(first.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(addresses(first)).containsExactlyInAnyOrder("172.18.0.2", "172.18.0.3");
        assertThat(addresses(second).get(0)).isNotEqualTo(addresses(first).get(0));
        assertThat(ask(udp, "db", Type.A).getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(ask(udp, "web", Type.AAAA).getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(ask(udp, "web", Type.AAAA).getSection(Section.ANSWER)).isEmpty();
        Message ptr = ask(udp, "3.0.18.172.in-addr.arpa", Type.PTR);
        assertThat(ptr.getSection(Section.ANSWER))
                .extracting(rr -> rr.rdataToString())
                .containsExactly("web.");
        assertThat(ask(udp, "9.0.18.172.in-addr.arpa", Type.PTR).getRcode()).isEqualTo(Rcode.REFUSED);
        SimpleResolver tcp = start("p_default", false, List.of(), true);
        assertThat(addresses(ask(tcp, "p-web-2", Type.A))).containsExactly("172.18.0.3");
        registry.unregister("p_default", "web-2");
        assertThat(ask(tcp, "p-web-2", Type.A).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    }

    @Test
    void largeUdpAnswersAreTruncatedAndComeWholeOverTcp() throws Exception {
        for (int i = 0; i < 60; i++) {
            registry.register("big", "w-" + i, List.of("many"), Ipv4.parse("172.18.1." + (i + 2)));
        }
        SimpleResolver udp = start("big", false, List.of(), false);
        udp.setIgnoreTruncation(true);
        udp.setEDNS(-1); // no EDNS: the classic 512-byte limit applies
        Message cut = ask(udp, "many", Type.A);
        assertThat(cut.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(cut.getSection(Section.ANSWER).size()).isLessThan(60);
        SimpleResolver tcp = start("big", false, List.of(), true);
        assertThat(addresses(ask(tcp, "many", Type.A))).hasSize(60);
    }

    @Test
    void forwardsDottedNamesToTheInjectedUpstreamExceptOnInternalNetworks() throws Exception {
        try (FakeUpstream upstream = new FakeUpstream()) {
            SimpleResolver r = start("n", false, List.of(upstream.address()), false);
            assertThat(addresses(ask(r, "example.test", Type.A))).containsExactly("127.0.0.99");
            SimpleResolver internal = start("n", true, List.of(upstream.address()), false);
            assertThat(ask(internal, "example.test", Type.A).getRcode()).isEqualTo(Rcode.REFUSED);
            assertThat(upstream.queries()).isEqualTo(1);
        }
    }
}
