package dev.jcompose.merge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.yaml.Location;
import dev.jcompose.yaml.ScalarKind;
import dev.jcompose.yaml.ScalarNode;
import dev.jcompose.yaml.Tag;
import org.junit.jupiter.api.Test;

class PortKeyTest {
    private static String key(String shortSyntax) {
        return PortKey.of(ScalarNode.string(shortSyntax, Location.UNKNOWN));
    }

    @Test
    void shortForms() {
        assertThat(key("80")).isEqualTo("0.0.0.0::80/tcp");
        assertThat(key("8080:80")).isEqualTo("0.0.0.0:8080:80/tcp");
        assertThat(key("127.0.0.1:8080:80/udp")).isEqualTo("127.0.0.1:8080:80/udp");
        assertThat(key("127.0.0.1::80")).isEqualTo("127.0.0.1::80/tcp");
        assertThat(key("8000-8010:80-90")).isEqualTo("0.0.0.0:8000-8010:80-90/tcp");
        assertThat(key("[::1]:8080:80")).isEqualTo("::1:8080:80/tcp");
        assertThat(key("::1:8080:80")).isEqualTo("::1:8080:80/tcp");
    }

    @Test
    void integerAndMalformedEntries() {
        assertThat(PortKey.of(new ScalarNode("443", ScalarKind.INT, Location.UNKNOWN, Tag.NONE)))
                .isEqualTo("0.0.0.0::443/tcp");
        assertThat(key("[::1:80")).isNull();
        assertThat(PortKey.of(ScalarNode.nullAt(Location.UNKNOWN))).isNull();
    }
}
