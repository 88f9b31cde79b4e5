package dev.jcompose.network;

import dev.jcompose.ipam.Ipv4;
import dev.jcompose.ipam.Subnet;
import dev.jcompose.nat.NatNetwork;
import java.util.Map;
import java.util.TreeMap;

/**
 * A network in the state file: its bridge, addressing and leases (address -> endpoint id);
 * {@code owner} is the process that last changed its phase (see {@link ProcessOwner}).
 */
public record NetworkRecord(
        String name,
        String bridge,
        Subnet subnet,
        Ipv4 gateway,
        Subnet ipRange,
        boolean internal,
        int mtu,
        Phase phase,
        Map<Ipv4, String> leases,
        String owner) {
    public NetworkRecord {
        leases = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(leases));
    }

    public NetworkRecord withPhase(Phase p) {
        return new NetworkRecord(name, bridge, subnet, gateway, ipRange, internal, mtu, p, leases, ProcessOwner.self());
    }

    public NetworkRecord withLeases(Map<Ipv4, String> l) {
        return new NetworkRecord(name, bridge, subnet, gateway, ipRange, internal, mtu, phase, l, owner);
    }

    /** Leases without those of {@code endpoint}: releasing twice, or someone else's address, changes nothing. */
    public NetworkRecord release(String endpoint) {
        Map<Ipv4, String> l = new TreeMap<>(leases);
        l.values().removeIf(endpoint::equals);
        return withLeases(l);
    }

    public NatNetwork nat() {
        return new NatNetwork(name, bridge, subnet, gateway, internal);
    }
}
