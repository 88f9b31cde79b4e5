package dev.jcompose.bridge;

import dev.jcompose.ipam.Ipv4;
import dev.jcompose.ipam.Subnet;

/**
 * A compose network as the network layer sees it. {@code name} is the full name (project_net).
 * subnet / gateway / ipRange come from {@code ipam.config[0]} and may be null; mtu null means the
 * host uplink's.
 */
public record NetworkSpec(
        String name,
        boolean internal,
        boolean external,
        Subnet subnet,
        Ipv4 gateway,
        Subnet ipRange,
        boolean enableIpv6,
        Integer mtu) {
    public NetworkSpec {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}")) {
            throw new BridgeException("invalid network name '" + name + "'", "use letters, digits, '_', '.', '-'");
        }
    }

    public static NetworkSpec of(String name) {
        return new NetworkSpec(name, false, false, null, null, null, false, null);
    }

    public NetworkSpec internalNetwork() {
        return new NetworkSpec(name, true, external, subnet, gateway, ipRange, enableIpv6, mtu);
    }

    public NetworkSpec withIpam(Subnet s, Ipv4 gw, Subnet range) {
        return new NetworkSpec(name, internal, external, s, gw, range, enableIpv6, mtu);
    }
}
