package dev.jcompose.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * docker's PORTS column: {@code 0.0.0.0:8080->80/tcp, 443/tcp}. Consecutive unpublished ports, and
 * consecutive ports published on the same address under the same number, collapse into ranges
 * ({@code 0.0.0.0:8000-8001->8000-8001/tcp}); other mappings are listed one by one, last.
 */
public final class Ports {
    private static final Comparator<PortPublisher> ORDER = Comparator.comparingInt(PortPublisher::targetPort)
            .thenComparing(PortPublisher::url, Ports::compareAddresses)
            .thenComparingInt(PortPublisher::publishedPort)
            .thenComparing(PortPublisher::protocol);

    private Ports() {}

    public static String display(List<PortPublisher> publishers) {
        Map<String, int[]> groups = new LinkedHashMap<>();
        List<String> result = new ArrayList<>();
        List<String> mappings = new ArrayList<>();
        for (PortPublisher p : publishers.stream().sorted(ORDER).toList()) {
            int port = p.targetPort();
            String key = p.protocol();
            if (!p.url().isEmpty()) {
                if (p.publishedPort() != port) {
                    mappings.add(
                            hostPort(p.url(), String.valueOf(p.publishedPort())) + "->" + port + "/" + p.protocol());
                    continue;
                }
                key = p.url() + "/" + p.protocol();
            }
            int[] group = groups.get(key);
            if (group == null) {
                groups.put(key, new int[] {port, port});
            } else if (port == group[1] + 1) {
                group[1] = port;
            } else {
                result.add(group(key, group));
                groups.put(key, new int[] {port, port});
            }
        }
        groups.forEach((key, group) -> result.add(group(key, group)));
        result.addAll(mappings);
        return String.join(", ", result);
    }

    /**
     * Go's {@code netip.Addr.Compare} for the addresses ports are published on: none first, then IPv4
     * numerically, then IPv6 (compared as text, which orders the common literals the same way).
     */
    static int compareAddresses(String a, String b) {
        int rank = Integer.compare(rank(a), rank(b));
        if (rank != 0) {
            return rank;
        }
        if (rank(a) == 1) {
            return Long.compare(ipv4(a), ipv4(b));
        }
        return a.compareTo(b);
    }

    private static int rank(String address) {
        if (address.isEmpty()) {
            return 0;
        }
        return address.contains(":") ? 2 : 1;
    }

    private static long ipv4(String address) {
        long value = 0;
        for (String octet : address.split("\\.", -1)) {
            try {
                value = value * 256 + Integer.parseInt(octet);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return value;
    }

    /** {@code address:port}, IPv6 addresses in brackets (Go's net.JoinHostPort). */
    public static String hostPort(String address, String port) {
        return address.contains(":") ? "[" + address + "]:" + port : address + ":" + port;
    }

    private static String group(String key, int[] group) {
        int slash = key.lastIndexOf('/');
        String ip = slash > 0 ? key.substring(0, slash) : "";
        String protocol = key.substring(slash + 1);
        String range = group[0] == group[1] ? String.valueOf(group[0]) : group[0] + "-" + group[1];
        return (ip.isEmpty() ? range : hostPort(ip, range) + "->" + range) + "/" + protocol;
    }
}
