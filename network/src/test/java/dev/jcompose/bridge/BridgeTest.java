package dev.jcompose.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.host.Command;
import dev.jcompose.ipam.Ipv4;
import dev.jcompose.ipam.Subnet;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BridgeTest {
    @Test
    void bridgeCommands() {
        var cmds = BridgePlanner.create("jc-0123456789", Subnet.parse("172.20.0.0/16"), Ipv4.parse("172.20.0.1"), 1400);
        assertThat(cmds)
                .extracting(Command::display)
                .containsExactly(
                        "ip -batch -",
                        "sysctl -q -w net.ipv4.conf.jc-0123456789.route_localnet=1 net.ipv4.ip_forward=1");
        assertThat(new String(cmds.get(0).stdin(), StandardCharsets.UTF_8)).isEqualTo("""
                link add name jc-0123456789 mtu 1400 type bridge
                addr add 172.20.0.1/16 dev jc-0123456789
                link set jc-0123456789 up
                """);
        assertThat(BridgePlanner.delete("jc-0123456789").display()).isEqualTo("ip link del jc-0123456789");
    }

    @Test
    void networkNamesAreChecked() {
        assertThatThrownBy(() -> NetworkSpec.of("bad name")).hasMessage("invalid network name 'bad name'");
    }
}
