package dev.jcompose.nat;

import dev.jcompose.ipam.Ipv4;
import java.util.ArrayList;
import java.util.List;

/**
 * A compose {@code ports:} entry: host port range (hostStart = 0 for "pick a free one"), container
 * port range, protocol and optional host IP. Ranges map one to one, like docker's.
 */
public record PortRequest(String protocol, Ipv4 hostIp, int hostStart, int hostEnd, int containerStart, int containerEnd) {
    public PortRequest {
        if (containerStart < 1 || containerEnd < containerStart || containerEnd > 65535) {
            throw new NatException("invalid container port range " + containerStart + "-" + containerEnd,
                    "use ports between 1 and 65535, start <= end");
        }
        if (hostStart != 0 && (hostStart < 1 || hostEnd < hostStart || hostEnd > 65535
                || hostEnd - hostStart != containerEnd - containerStart)) {
            throw new NatException("host port range " + hostStart + "-" + hostEnd + " does not match container range "
                    + containerStart + "-" + containerEnd, "give both ranges the same length");
        }
    }

    public static PortRequest of(String protocol, int hostPort, int containerPort) {
        return new PortRequest(protocol, null, hostPort, hostPort, containerPort, containerPort);
    }

    public static PortRequest random(String protocol, int containerPort) {
        return new PortRequest(protocol, null, 0, 0, containerPort, containerPort);
    }

    public PortRequest onHostIp(Ipv4 ip) {
        return new PortRequest(protocol, ip, hostStart, hostEnd, containerStart, containerEnd);
    }

    /** Container ports in order. */
    public List<Integer> containerPorts() {
        List<Integer> out = new ArrayList<>();
        for (int p = containerStart; p <= containerEnd; p++) {
            out.add(p);
        }
        return out;
    }

    public String display() {
        String host = hostStart == 0 ? "" : (hostStart == hostEnd ? hostStart + "" : hostStart + "-" + hostEnd) + ":";
        String ctr = containerStart == containerEnd ? containerStart + "" : containerStart + "-" + containerEnd;
        return (hostIp == null ? "" : hostIp + ":") + host + ctr + "/" + protocol;
    }
}
