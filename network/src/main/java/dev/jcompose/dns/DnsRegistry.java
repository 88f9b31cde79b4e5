package dev.jcompose.dns;

import dev.jcompose.ipam.Ipv4;
import dev.jcompose.network.EndpointEvents;
import dev.jcompose.network.EndpointRecord;
import dev.jcompose.network.LinkRecord;
import dev.jcompose.network.NetworkState;
import dev.jcompose.network.Phase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Names per network: which endpoint answers to which names at which address. Updated by the
 * endpoint service as endpoints come and go, read by the DNS servers on every query, so changes
 * are visible immediately. Lookups rotate the address order on each query (round robin).
 */
public final class DnsRegistry implements EndpointEvents {
    private record Entry(List<String> names, Ipv4 ip) {}

    private final Map<String, Map<String, Entry>> byNetwork = new ConcurrentHashMap<>();
    private final AtomicLong queries = new AtomicLong();

    public void register(String network, String endpoint, List<String> names, Ipv4 ip) {
        List<String> lower = names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
        byNetwork.computeIfAbsent(network, k -> new ConcurrentHashMap<>()).put(endpoint, new Entry(lower, ip));
    }

    public void unregister(String network, String endpoint) {
        Map<String, Entry> m = byNetwork.get(network);
        if (m != null) {
            m.remove(endpoint);
        }
    }

    /** Addresses for {@code name} on {@code network}, sorted then rotated by one per query; empty if unknown. */
    public List<Ipv4> lookup(String network, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        TreeMap<Ipv4, Boolean> found = new TreeMap<>();
        for (Entry e : byNetwork.getOrDefault(network, Map.of()).values()) {
            if (e.names().contains(n)) {
                found.put(e.ip(), true);
            }
        }
        List<Ipv4> ips = new ArrayList<>(found.keySet());
        if (ips.size() > 1) {
            java.util.Collections.rotate(ips, (int) -(queries.getAndIncrement() % ips.size()));
        }
        return ips;
    }

    /** Rebuilds the names from the persisted state (after a jcompose restart): every READY endpoint. */
    public void load(NetworkState state) {
        byNetwork.clear();
        state.endpoints().values().stream()
                .filter(e -> e.phase() == Phase.READY)
                .forEach(this::attached);
    }

    /**
     * The first name of the endpoint owning the address in a reverse name
     * ({@code 2.0.18.172.in-addr.arpa}) on this network, or null.
     */
    public String reverse(String network, String arpaName) {
        String[] p = arpaName.toLowerCase(Locale.ROOT).split("\\.");
        if (p.length != 6 || !p[4].equals("in-addr") || !p[5].equals("arpa")) {
            return null;
        }
        String ip = p[3] + "." + p[2] + "." + p[1] + "." + p[0];
        return byNetwork.getOrDefault(network, Map.of()).values().stream()
                .filter(e -> e.ip().toString().equals(ip) && !e.names().isEmpty())
                .map(e -> e.names().get(0))
                .sorted()
                .findFirst()
                .orElse(null);
    }

    @Override
    public void attached(EndpointRecord endpoint) {
        for (LinkRecord l : endpoint.links()) {
            register(l.network(), endpoint.id(), l.dnsNames(), l.ip());
        }
    }

    @Override
    public void detached(EndpointRecord endpoint) {
        for (LinkRecord l : endpoint.links()) {
            unregister(l.network(), endpoint.id());
        }
    }
}
