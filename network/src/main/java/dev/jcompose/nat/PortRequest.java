package dev.jcompose.nat;

import dev.jcompose.ipam.Ipv4;
import java.util.ArrayList;
import java.util.List;

/**
 * A compose {@code ports:} entry: host port range (hostStart = 0 for "pick a free one"), container
 * port range, protocol and optional host IP. Ranges map one to one, like docker's; a host range
 * facing a single container port ({@code 6005-6015:80}) means "one free port of the range", so that
 * replicas of a service each get their own.
 */
public record PortRequest(
        String protocol, Ipv4 hostIp, int hostStart, int hostEnd, int containerStart, int containerEnd) {
    public PortRequest {
        if (!protocol.equals("tcp") && !protocol.equals("udp")) {
            throw new NatException("unsupported port protocol '" + protocol + "'", "use tcp or udp");
        }
        if (containerStart < 1 || containerEnd < containerStart || containerEnd > 65535) {
            throw new NatException(
                    "invalid container port range " + containerStart + "-" + containerEnd,
                    "use ports between 1 and 65535, start <= end");
        }
        if (hostStart != 0
                && (hostStart < 1
                        || hostEnd < hostStart
                        || hostEnd > 65535
                        || (hostEnd - hostStart != containerEnd - containerStart && containerStart != containerEnd))) {
            throw new NatException(
                    "host port range " + hostStart + "-" + hostEnd + " does not match container range " + containerStart
                            + "-" + containerEnd,
                    "give both ranges the same length");
        }
    }

    public static PortRequest of(String protocol, int hostPort, int containerPort) {
        return new PortRequest(protocol, null, hostPort, hostPort, containerPort, containerPort);
    }

    public static PortRequest random(String protocol, int containerPort) {
        return new PortRequest(protocol, null, 0, 0, containerPort, containerPort);
    }

    /**
     * Compose's short syntax: {@code [HOST_IP:][HOST[-HOST]:]CONTAINER[-CONTAINER][/PROTOCOL]},
     * e.g. {@code 80}, {@code 8080:80}, {@code 127.0.0.1::80}, {@code 8000-8010:9000-9010/udp}.
     */
    public static PortRequest parse(String text) {
        String spec = text.strip();
        String protocol = "tcp";
        int slash = spec.lastIndexOf('/');
        if (slash >= 0) {
            protocol = spec.substring(slash + 1);
            spec = spec.substring(0, slash);
        }
        if (spec.startsWith("[")) {
            throw new NatException(
                    "cannot publish " + text + ": IPv6 host addresses are not supported yet",
                    "publish on an IPv4 address or on all addresses");
        }
        String[] parts = spec.split(":", -1);
        if (parts.length > 3) {
            throw new NatException(
                    "invalid port mapping '" + text + "'", "use [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]");
        }
        Ipv4 hostIp =
                parts.length == 3 && !parts[0].isEmpty() && !parts[0].equals("0.0.0.0") ? Ipv4.parse(parts[0]) : null;
        int[] ctr = range(parts[parts.length - 1], text);
        String host = parts.length >= 2 ? parts[parts.length - 2] : "";
        int[] hr = host.isEmpty() ? new int[] {0, 0} : range(host, text);
        if (hr[0] != 0 && hr[1] - hr[0] != ctr[1] - ctr[0] && ctr[0] != ctr[1]) {
            throw new NatException(
                    "invalid port mapping '" + text + "': the host range and the container range differ in length",
                    "give both ranges the same length, e.g. 8000-8002:9000-9002");
        }
        return new PortRequest(protocol, hostIp, hr[0], hr[1], ctr[0], ctr[1]);
    }

    private static int[] range(String s, String text) {
        if (!s.matches("\\d{1,5}(-\\d{1,5})?")) {
            throw new NatException(
                    "invalid port mapping '" + text + "'", "use [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]");
        }
        String[] p = s.split("-");
        int a = Integer.parseInt(p[0]);
        return new int[] {a, p.length == 2 ? Integer.parseInt(p[1]) : a};
    }

    /** A host range facing one container port: any one free port of the range will do. */
    public boolean anyOfRange() {
        return hostStart != 0 && hostEnd != hostStart && containerStart == containerEnd;
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
