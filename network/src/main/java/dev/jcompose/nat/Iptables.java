package dev.jcompose.nat;

import dev.jcompose.host.Command;
import dev.jcompose.host.CommandRunner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
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

    /**
     * One {@code iptables-save} tells which hooks exist; the missing ones join the same restore
     * batch, after the chain declarations, so a change costs two processes. (iptables-save quotes
     * comments; ours contain no spaces, so quotes are dropped before comparing.)
     */
    public void apply(RuleSet rules) {
        Set<String> present = new HashSet<>();
        String table0 = "";
        for (String line : runner.run(Command.of("iptables-save")).orThrow().stdout().lines().toList()) {
            if (line.startsWith("*")) {
                table0 = line.substring(1).strip();
            } else {
                present.add(table0 + " " + line.strip().replace("\"", ""));
            }
        }
        StringBuilder text = new StringBuilder();
        for (String block : rules.restoreText().split("(?<=COMMIT\n)")) {
            String table = block.substring(1, block.indexOf('\n'));
            StringBuilder hooks = new StringBuilder();
            for (Chains.Hook h : chains.hooks()) {
                if (h.rule().table().equals(table) && !present.contains(table + " " + h.rule().restoreLine("-A"))) {
                    hooks.append(h.first() ? h.rule().restoreLine("-I").replaceFirst("^-I (\\S+)", "-I $1 1")
                            : h.rule().restoreLine("-A")).append('\n');
                }
            }
            text.append(block, 0, block.length() - "COMMIT\n".length()).append(hooks).append("COMMIT\n");
        }
        runner.run(Command.of("iptables-restore", "-w", "--noflush").withStdin(text.toString())).orThrow();
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
