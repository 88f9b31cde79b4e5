package dev.jcompose.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DnsFilesTest {
    @Test
    void resolvConfPointsAtGatewayUnlessDnsIsExplicit() {
        assertThat(ResolvConf.render("172.18.0.1", List.of(), List.of("example.test"), List.of("ndots:2")))
                .isEqualTo("nameserver 172.18.0.1\nsearch example.test\noptions ndots:2\n");
        assertThat(ResolvConf.render("172.18.0.1", List.of("127.0.0.53", "127.0.0.54"), List.of(), List.of()))
                .isEqualTo("nameserver 127.0.0.53\nnameserver 127.0.0.54\n");
        assertThat(ResolvConf.nameservers("# x\nnameserver 127.0.0.53\nnameserver fe80::1\nsearch lan\n"))
                .containsExactly("127.0.0.53");
    }

    @Test
    void etcHosts() {
        assertThat(EtcHosts.render(
                        List.of("172.18.0.2"),
                        List.of("web", "shop-web-1", "web"),
                        List.of(Map.entry("db.local", "10.0.0.9"))))
                .isEqualTo("127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n"
                        + "172.18.0.2\tweb shop-web-1\n10.0.0.9\tdb.local\n");
    }
}
