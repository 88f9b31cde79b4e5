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
    private record Entry(List<String> names, Ipv4 ip) {
    }

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
        state.endpoints().values().stream().filter(e -> e.phase() == Phase.READY).forEach(this::attached);
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
