package dev.jcompose.nat;

import dev.jcompose.host.Command;
import dev.jcompose.host.CommandRunner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
        Set<String> present = new HashSet<>(
                saved(runner.run(Command.of("iptables-save")).orThrow().stdout()));
        StringBuilder text = new StringBuilder();
        for (String block : rules.restoreText().split("(?<=COMMIT\n)")) {
            String table = block.substring(1, block.indexOf('\n'));
            StringBuilder hooks = new StringBuilder();
            for (Chains.Hook h : chains.hooks()) {
                if (h.rule().table().equals(table)
                        && !present.contains(table + " " + h.rule().restoreLine("-A"))) {
                    hooks.append(
                                    h.first()
                                            ? h.rule().restoreLine("-I").replaceFirst("^-I (\\S+)", "-I $1 1")
                                            : h.rule().restoreLine("-A"))
                            .append('\n');
                }
            }
            text.append(block, 0, block.length() - "COMMIT\n".length())
                    .append(hooks)
                    .append("COMMIT\n");
        }
        runner.run(Command.of("iptables-restore", "-w", "--noflush").withStdin(text.toString()))
                .orThrow();
    }

    /**
     * Removes every hook and chain of ours; safe to call when none exist. Two processes, whatever
     * the number of hooks and chains (one iptables call each cost ~350 ms on the last {@code down}).
     */
    public void removeAll() {
        String text =
                removalText(runner.run(Command.of("iptables-save")).orThrow().stdout(), chains);
        if (!text.isEmpty()) {
            runner.run(Command.of("iptables-restore", "-w", "--noflush").withStdin(text))
                    .orThrow();
        }
    }

    /**
     * Pure: the {@code iptables-restore --noflush} batch that deletes each of our hooks as often as
     * {@code save} shows it, then flushes and deletes our chains that exist (flushes first: a chain
     * can only go once nothing jumps to it). Empty when nothing of ours is there.
     */
    static String removalText(String save, Chains chains) {
        List<String> lines = saved(save);
        StringBuilder text = new StringBuilder();
        for (String table : List.of("filter", "nat")) {
            List<String> owned = table.equals("filter") ? chains.filterChains() : chains.natChains();
            StringBuilder block = new StringBuilder();
            for (Chains.Hook h : chains.hooks()) {
                String add = table + " " + h.rule().restoreLine("-A");
                if (h.rule().table().equals(table)) {
                    lines.stream()
                            .filter(add::equals)
                            .forEach(l ->
                                    block.append(h.rule().restoreLine("-D")).append('\n'));
                }
            }
            List<String> existing = owned.stream()
                    .filter(c -> lines.stream().anyMatch(l -> l.startsWith(table + " :" + c + " ")))
                    .toList();
            existing.forEach(c -> block.append("-F ").append(c).append('\n'));
            existing.forEach(c -> block.append("-X ").append(c).append('\n'));
            if (!block.isEmpty()) {
                text.append('*').append(table).append('\n').append(block).append("COMMIT\n");
            }
        }
        return text.toString();
    }

    /** {@code iptables-save} lines as {@code "<table> <line>"}, quotes dropped (our comments have no spaces). */
    private static List<String> saved(String save) {
        List<String> out = new ArrayList<>();
        String table = "";
        for (String line : save.lines().toList()) {
            if (line.startsWith("*")) {
                table = line.substring(1).strip();
            } else {
                out.add(table + " " + line.strip().replace("\"", ""));
            }
        }
        return out;
    }
}
