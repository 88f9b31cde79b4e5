package dev.jcompose.network;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Everything the network layer persists: networks and endpoints by name/id, sorted. */
public record NetworkState(SortedMap<String, NetworkRecord> networks, SortedMap<String, EndpointRecord> endpoints) {
    public NetworkState {
        networks = Collections.unmodifiableSortedMap(new TreeMap<>(networks));
        endpoints = Collections.unmodifiableSortedMap(new TreeMap<>(endpoints));
    }

    public static NetworkState empty() {
        return new NetworkState(new TreeMap<>(), new TreeMap<>());
    }

    public NetworkState with(NetworkRecord n) {
        SortedMap<String, NetworkRecord> m = new TreeMap<>(networks);
        m.put(n.name(), n);
        return new NetworkState(m, endpoints);
    }

    public NetworkState withoutNetwork(String name) {
        SortedMap<String, NetworkRecord> m = new TreeMap<>(networks);
        m.remove(name);
        return new NetworkState(m, endpoints);
    }

    public NetworkState with(EndpointRecord e) {
        SortedMap<String, EndpointRecord> m = new TreeMap<>(endpoints);
        m.put(e.id(), e);
        return new NetworkState(networks, m);
    }

    /** Removes the endpoint and releases exactly its leases. */
    public NetworkState withoutEndpoint(String id) {
        SortedMap<String, EndpointRecord> m = new TreeMap<>(endpoints);
        m.remove(id);
        SortedMap<String, NetworkRecord> n = new TreeMap<>();
        for (Map.Entry<String, NetworkRecord> e : networks.entrySet()) {
            n.put(e.getKey(), e.getValue().release(id));
        }
        return new NetworkState(n, m);
    }
}
