package dev.jcompose.nat;

import dev.jcompose.host.Command;
import dev.jcompose.host.CommandRunner;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a {@link RuleSet}: one {@code iptables-restore --noflush} batch rebuilds our chains, then
 * each missing hook (jump from a built-in chain) is added once. {@link #removeAll} undoes both.
 */
public final class Iptables {
    private final CommandRunner runner;
    private final Chains chains;

    public Iptables(CommandRunner runner, Chains chains) {
        this.runner = runner;
        this.chains = chains;
    }

    public void apply(RuleSet rules) {
        runner.run(Command.of("iptables-restore", "-w", "--noflush").withStdin(rules.restoreText())).orThrow();
        for (Chains.Hook h : chains.hooks()) {
            if (!present(h.rule())) {
                List<String> argv = new ArrayList<>(List.of("iptables", "-w", "-t", h.rule().table()));
                argv.addAll(h.first() ? List.of("-I", h.rule().chain(), "1") : List.of("-A", h.rule().chain()));
                argv.addAll(h.rule().spec());
                runner.run(Command.of(argv)).orThrow();
            }
        }
    }

    /** Removes every hook and chain of ours; safe to call when none exist. */
    public void removeAll() {
        for (Chains.Hook h : chains.hooks()) {
            while (present(h.rule())) {
                runner.run(Command.of(ruleArgv("-D", h.rule()))).orThrow();
            }
        }
        List<String[]> owned = new ArrayList<>();
        chains.filterChains().forEach(c -> owned.add(new String[] {"filter", c}));
        chains.natChains().forEach(c -> owned.add(new String[] {"nat", c}));
        for (String[] tc : owned) {
            runner.run(Command.of("iptables", "-w", "-t", tc[0], "-F", tc[1]));
        }
        for (String[] tc : owned) {
            runner.run(Command.of("iptables", "-w", "-t", tc[0], "-X", tc[1]));
        }
    }

    private boolean present(Rule r) {
        return runner.run(Command.of(ruleArgv("-C", r))).ok();
    }

    private static List<String> ruleArgv(String op, Rule r) {
        List<String> argv = new ArrayList<>(List.of("iptables", "-w", "-t", r.table(), op, r.chain()));
        argv.addAll(r.spec());
        return argv;
    }
}
