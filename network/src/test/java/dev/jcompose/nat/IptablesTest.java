package dev.jcompose.nat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.host.Command;
import dev.jcompose.host.CommandResult;
import dev.jcompose.host.CommandRunner;
import dev.jcompose.ipam.Ipv4;
import dev.jcompose.ipam.Subnet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IptablesTest {
    /** A fake kernel: the FORWARD and PREROUTING hooks exist already, the others must be added. */
    static final class Recorder implements CommandRunner {
        final List<Command> commands = new ArrayList<>();

        @Override
        public CommandResult run(Command c) {
            commands.add(c);
            String out = "";
            if (c.argv().equals(List.of("iptables-save"))) {
                out =
                        "*filter\n:FORWARD DROP [0:0]\n-A FORWARD -m comment --comment \"jcompose:hook\" -j JCOMPOSE-FORWARD\nCOMMIT\n"
                                + "*nat\n-A PREROUTING -m addrtype --dst-type LOCAL -m comment --comment jcompose:hook -j JCOMPOSE-DNAT\n"
                                + "-A OUTPUT -m comment --comment jcompose:hook -j JCOMPOSE-DNAT\nCOMMIT\n";
            }
            return new CommandResult(c, 0, out, "");
        }
    }

    @Test
    void missingHooksJoinTheRestoreBatch() throws Exception {
        Recorder r = new Recorder();
        RuleSet rules = new NatPlanner(Chains.DEFAULT)
                .plan(
                        List.of(new NatNetwork(
                                "n", "jc-n", Subnet.parse("10.1.0.0/24"), Ipv4.parse("10.1.0.1"), false)),
                        List.of());
        new Iptables(r, Chains.DEFAULT).apply(rules);
        assertThat(r.commands)
                .extracting(Command::display)
                .containsExactly("iptables-save", "iptables-restore -w --noflush");
        assertThat(new String(r.commands.get(1).stdin(), StandardCharsets.UTF_8))
                .isEqualTo(NatPlannerTest.golden("apply-with-hooks.rules"));
    }

    @Test
    void removalIsOneBatchOfEveryHookSeenThenFlushesThenDeletes() {
        String save = """
                *filter
                :INPUT ACCEPT [0:0]
                :FORWARD DROP [0:0]
                :JCOMPOSE-FORWARD - [0:0]
                :JCOMPOSE-INPUT - [0:0]
                :OTHER-FORWARD - [0:0]
                -A INPUT -m comment --comment "jcompose:hook" -j JCOMPOSE-INPUT
                -A FORWARD -m comment --comment "jcompose:hook" -j JCOMPOSE-FORWARD
                -A FORWARD -m comment --comment "jcompose:hook" -j JCOMPOSE-FORWARD
                -A FORWARD -m comment --comment "jcompose:hook" -j OTHER-FORWARD
                -A JCOMPOSE-FORWARD -j ACCEPT
                COMMIT
                *nat
                :JCOMPOSE-DNAT - [0:0]
                -A OUTPUT -m addrtype --dst-type LOCAL -m comment --comment jcompose:hook -j JCOMPOSE-DNAT
                COMMIT
                """;
        assertThat(Iptables.removalText(save, Chains.DEFAULT)).isEqualTo("""
                *filter
                -D FORWARD -m comment --comment jcompose:hook -j JCOMPOSE-FORWARD
                -D FORWARD -m comment --comment jcompose:hook -j JCOMPOSE-FORWARD
                -D INPUT -m comment --comment jcompose:hook -j JCOMPOSE-INPUT
                -F JCOMPOSE-FORWARD
                -F JCOMPOSE-INPUT
                -X JCOMPOSE-FORWARD
                -X JCOMPOSE-INPUT
                COMMIT
                *nat
                -D OUTPUT -m addrtype --dst-type LOCAL -m comment --comment jcompose:hook -j JCOMPOSE-DNAT
                -F JCOMPOSE-DNAT
                -X JCOMPOSE-DNAT
                COMMIT
                """);
        assertThat(Iptables.removalText("*filter\n:FORWARD DROP [0:0]\nCOMMIT\n", Chains.DEFAULT))
                .isEmpty();
    }
}
