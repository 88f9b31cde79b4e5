package dev.jcompose.nat;

import java.util.ArrayList;
import java.util.List;

/**
 * One iptables rule as data: table, chain, match arguments, target arguments and the owner tag
 * that every jcompose rule carries as {@code -m comment --comment jcompose:<owner>}.
 */
public record Rule(String table, String chain, List<String> match, List<String> target, String owner) {
    public Rule {
        match = List.copyOf(match);
        target = List.copyOf(target);
    }

    /** The rule's arguments after the chain name, comment included, as iptables takes them. */
    public List<String> spec() {
        List<String> out = new ArrayList<>(match);
        out.addAll(List.of("-m", "comment", "--comment", "jcompose:" + owner));
        out.add("-j");
        out.addAll(target);
        return out;
    }

    /** The rule as an iptables-restore line, e.g. {@code -A JCOMPOSE-FORWARD -o jc-1 -m comment ...}. */
    public String restoreLine(String op) {
        StringBuilder sb = new StringBuilder(op).append(' ').append(chain);
        for (String a : spec()) {
            sb.append(' ').append(a.matches("[A-Za-z0-9_./:,!+=-]+") ? a : "\"" + a + "\"");
        }
        return sb.toString();
    }
}
