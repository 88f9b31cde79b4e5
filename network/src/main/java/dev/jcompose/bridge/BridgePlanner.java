package dev.jcompose.bridge;

import dev.jcompose.host.Command;
import dev.jcompose.ipam.Ipv4;
import dev.jcompose.ipam.Subnet;
import java.util.List;

/** Pure: the host commands that create and delete one network's bridge. */
public final class BridgePlanner {
    private BridgePlanner() {}

    /**
     * The bridge with the gateway address, the MTU, and {@code route_localnet} on this bridge only
     * (published ports answer on 127.0.0.1; the INPUT guard keeps containers off host loopback).
     */
    public static List<Command> create(String bridge, Subnet subnet, Ipv4 gateway, int mtu) {
        String batch = "link add name " + bridge + " mtu " + mtu + " type bridge\n"
                + "addr add " + gateway + "/" + subnet.prefix() + " dev " + bridge + "\n"
                + "link set " + bridge + " up\n";
        return List.of(
                Command.of("ip", "-batch", "-").withStdin(batch),
                Command.of(
                        "sysctl",
                        "-q",
                        "-w",
                        "net.ipv4.conf." + bridge + ".route_localnet=1",
                        "net.ipv4.ip_forward=1"));
    }

    public static Command delete(String bridge) {
        return Command.of("ip", "link", "del", bridge);
    }
}
