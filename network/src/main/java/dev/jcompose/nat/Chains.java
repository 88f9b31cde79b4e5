package dev.jcompose.nat;

import java.util.List;

/**
 * The names of jcompose's own iptables chains (prefix configurable so a second installation or a
 * test can keep its rules apart). Built-in chains only ever get one jump into ours ("hooks").
 */
public record Chains(String prefix) {
    public static final Chains DEFAULT = new Chains("JCOMPOSE");

    public Chains {
        if (!prefix.matches("[A-Z][A-Z0-9_-]{0,12}")) {
            throw new IllegalArgumentException("chain prefix must be 1-13 upper-case characters: " + prefix);
        }
    }

    /** filter: hooked first in FORWARD; per-bridge accepts after the isolation check. */
    public String forward() {
        return prefix + "-FORWARD";
    }

    /** filter: drops traffic between two different jcompose bridges (stage 1: from one of ours). */
    public String isolation() {
        return prefix + "-ISOLATION";
    }

    /** filter: stage 2: ... to another of ours. */
    public String isolation2() {
        return prefix + "-ISOLATION-2";
    }

    /** filter: hooked first in INPUT; the route_localnet guard (CVE-2020-8558). */
    public String input() {
        return prefix + "-INPUT";
    }

    /** nat: published ports, hooked from PREROUTING and OUTPUT for local destinations. */
    public String dnat() {
        return prefix + "-DNAT";
    }

    /** nat: egress masquerade, loopback and hairpin masquerade. */
    public String postrouting() {
        return prefix + "-POSTROUTING";
    }

    public List<String> filterChains() {
        return List.of(forward(), input(), isolation(), isolation2());
    }

    public List<String> natChains() {
        return List.of(dnat(), postrouting());
    }

    /** The jumps from built-in chains into ours, in the order they are installed. */
    public List<Hook> hooks() {
        List<String> local = List.of("-m", "addrtype", "--dst-type", "LOCAL");
        return List.of(
                new Hook(new Rule("filter", "FORWARD", List.of(), List.of(forward()), "hook"), true),
                new Hook(new Rule("filter", "INPUT", List.of(), List.of(input()), "hook"), true),
                new Hook(new Rule("nat", "PREROUTING", local, List.of(dnat()), "hook"), false),
                new Hook(new Rule("nat", "OUTPUT", local, List.of(dnat()), "hook"), false),
                new Hook(new Rule("nat", "POSTROUTING", List.of(), List.of(postrouting()), "hook"), true));
    }

    /** A jump from a built-in chain; {@code first} inserts it at position 1 (ahead of a DROP policy's friends). */
    public record Hook(Rule rule, boolean first) {}
}
