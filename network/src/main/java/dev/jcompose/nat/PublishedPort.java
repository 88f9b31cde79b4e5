package dev.jcompose.nat;

import dev.jcompose.ipam.Ipv4;

/**
 * One published port after allocation: traffic to {@code hostIp:hostPort} (any local address
 * when hostIp is null) is DNATed to {@code containerIp:containerPort}.
 */
public record PublishedPort(
        String endpoint, String protocol, Ipv4 hostIp, int hostPort, Ipv4 containerIp, int containerPort)
        implements Comparable<PublishedPort> {
    public PublishedPort {
        if (!protocol.equals("tcp") && !protocol.equals("udp")) {
            throw new NatException("unsupported port protocol '" + protocol + "'", "use tcp or udp");
        }
    }

    @Override
    public int compareTo(PublishedPort o) {
        int c = protocol.compareTo(o.protocol);
        c = c != 0 ? c : Integer.compare(hostPort, o.hostPort);
        c = c != 0 ? c : String.valueOf(hostIp).compareTo(String.valueOf(o.hostIp));
        return c != 0 ? c : endpoint.compareTo(o.endpoint);
    }
}
