package dev.jcompose.dns;

import dev.jcompose.ipam.Ipv4;
import dev.jcompose.network.EndpointEvents;
import dev.jcompose.network.EndpointRecord;
import dev.jcompose.network.LinkRecord;
import dev.jcompose.network.NetworkState;
import dev.jcompose.network.Phase;
import java.util.ArrayList;
import java.util.Collections;
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
 *
 * <p>A query is answered for the container that asks, as docker's embedded DNS does: names on every
 * network the asking endpoint is attached to (its networks in interface order, the first that knows
 * the name wins), and its own {@code links:} aliases. A client the registry does not know (not a
 * registered endpoint) gets the names of the network it asked on.
 */
public final class DnsRegistry implements EndpointEvents {
    private record Entry(List<String> names, Ipv4 ip) {}

    /** The asking side of an endpoint: its networks in interface order and its link aliases. */
    private record Client(List<String> networks, Map<String, String> links) {}

    private final Map<String, Map<String, Entry>> byNetwork = new ConcurrentHashMap<>();
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
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
            Collections.rotate(ips, (int) -(queries.getAndIncrement() % ips.size()));
        }
        return ips;
    }

    /**
     * Addresses for {@code name} as the endpoint at {@code client} on {@code network} sees them: its
     * link alias resolved to the linked name, then each of its networks in order; an unknown client
     * sees {@code network}'s names only.
     */
    public List<Ipv4> lookup(String network, Ipv4 client, String name) {
        Client c = client == null ? null : clientAt(network, client);
        if (c == null) {
            return lookup(network, name);
        }
        String target = c.links().getOrDefault(name.toLowerCase(Locale.ROOT), name);
        for (String n : c.networks()) {
            List<Ipv4> ips = lookup(n, target);
            if (!ips.isEmpty()) {
                return ips;
            }
        }
        return List.of();
    }

    private Client clientAt(String network, Ipv4 ip) {
        return byNetwork.getOrDefault(network, Map.of()).entrySet().stream()
                .filter(e -> e.getValue().ip().equals(ip))
                .map(e -> clients.get(e.getKey()))
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /** Rebuilds the names from the persisted state (after a jcompose restart): every READY endpoint. */
    public void load(NetworkState state) {
        byNetwork.clear();
        clients.clear();
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

    /** Like {@link #reverse(String, String)} over every network of the asking endpoint. */
    public String reverse(String network, Ipv4 client, String arpaName) {
        Client c = client == null ? null : clientAt(network, client);
        for (String n : c == null ? List.of(network) : c.networks()) {
            String owner = reverse(n, arpaName);
            if (owner != null) {
                return owner;
            }
        }
        return null;
    }

    @Override
    public void attached(EndpointRecord endpoint) {
        for (LinkRecord l : endpoint.links()) {
            register(l.network(), endpoint.id(), l.dnsNames(), l.ip());
        }
        Map<String, String> links = new TreeMap<>();
        endpoint.dnsLinks()
                .forEach((alias, target) -> links.put(alias.toLowerCase(Locale.ROOT), target.toLowerCase(Locale.ROOT)));
        clients.put(
                endpoint.id(),
                new Client(endpoint.links().stream().map(LinkRecord::network).toList(), links));
    }

    @Override
    public void detached(EndpointRecord endpoint) {
        for (LinkRecord l : endpoint.links()) {
            unregister(l.network(), endpoint.id());
        }
        clients.remove(endpoint.id());
    }
}
