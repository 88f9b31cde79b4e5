package dev.jcompose.nat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Pure: networks and published ports in, the complete content of jcompose's chains out. The same
 * input always gives the same rules in the same order, so the result can be compared with golden
 * files and re-applied after a restart to converge the kernel onto the state on disk.
 */
public final class NatPlanner {
    private static final String LOOPBACK = "127.0.0.0/8";
    private final Chains chains;

    public NatPlanner(Chains chains) {
        this.chains = chains;
    }

    public RuleSet plan(List<NatNetwork> networks, List<PublishedPort> ports) {
        List<NatNetwork> nets =
                networks.stream().sorted(Comparator.comparing(NatNetwork::name)).toList();
        List<Rule> rules = new ArrayList<>();
        rules.add(filter(chains.forward(), List.of(), chains.isolation(), "isolation"));
        for (NatNetwork n : nets) {
            forward(rules, n);
            String b = n.bridge();
            rules.add(filter(chains.isolation(), List.of("-i", b, "!", "-o", b), chains.isolation2(), n.name()));
            rules.add(filter(chains.isolation2(), List.of("-o", b), "DROP", n.name()));
            // route_localnet lets 127.0.0.0/8 in from the bridge; only our own de-NATed replies may use it.
            rules.add(filter(
                    chains.input(),
                    List.of("-i", b, "-d", LOOPBACK, "-m", "conntrack", "!", "--ctstate", "RELATED,ESTABLISHED"),
                    "DROP",
                    n.name()));
            // The embedded DNS must answer even when the host's INPUT policy is DROP.
            for (String proto : List.of("udp", "tcp")) {
                rules.add(filter(
                        chains.input(),
                        List.of("-i", b, "-d", n.gateway() + "/32", "-p", proto, "-m", proto, "--dport", "53"),
                        "ACCEPT",
                        n.name()));
            }
        }
        for (PublishedPort p : ports.stream().sorted().toList()) {
            rules.add(dnat(p));
        }
        for (NatNetwork n : nets) {
            postrouting(rules, n);
        }
        return new RuleSet(chains, rules);
    }

    private void forward(List<Rule> rules, NatNetwork n) {
        String b = n.bridge();
        String c = chains.forward();
        if (n.internal()) {
            rules.add(filter(c, List.of("-i", b, "-o", b), "ACCEPT", n.name()));
            rules.add(filter(c, List.of("-i", b), "DROP", n.name()));
            rules.add(filter(c, List.of("-o", b), "DROP", n.name()));
            return;
        }
        rules.add(
                filter(c, List.of("-o", b, "-m", "conntrack", "--ctstate", "RELATED,ESTABLISHED"), "ACCEPT", n.name()));
        rules.add(filter(c, List.of("-o", b, "-m", "conntrack", "--ctstate", "DNAT"), "ACCEPT", n.name()));
        rules.add(filter(c, List.of("-i", b), "ACCEPT", n.name()));
    }

    private Rule dnat(PublishedPort p) {
        List<String> m = new ArrayList<>();
        if (p.hostIp() != null) {
            m.addAll(List.of("-d", p.hostIp() + "/32"));
        }
        m.addAll(List.of("-p", p.protocol(), "-m", p.protocol(), "--dport", Integer.toString(p.hostPort())));
        return new Rule(
                "nat",
                chains.dnat(),
                m,
                List.of("DNAT", "--to-destination", p.containerIp() + ":" + p.containerPort()),
                p.endpoint());
    }

    private void postrouting(List<Rule> rules, NatNetwork n) {
        String b = n.bridge();
        String c = chains.postrouting();
        String s = n.subnet().toString();
        if (!n.internal()) {
            rules.add(nat(c, List.of("-s", s, "!", "-o", b), n.name()));
        }
        // Host loopback -> published port: the container must answer to the bridge, not to 127.0.0.1.
        rules.add(nat(c, List.of("-s", LOOPBACK, "-o", b), n.name()));
        // Hairpin: a container reaching a published port of a neighbour on its own bridge.
        rules.add(nat(c, List.of("-s", s, "-o", b, "-m", "conntrack", "--ctstate", "DNAT"), n.name()));
    }

    private static Rule filter(String chain, List<String> match, String target, String owner) {
        return new Rule("filter", chain, match, List.of(target), owner);
    }

    private static Rule nat(String chain, List<String> match, String owner) {
        return new Rule("nat", chain, match, List.of("MASQUERADE"), owner);
    }
}
