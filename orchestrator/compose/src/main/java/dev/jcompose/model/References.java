package dev.jcompose.model;

import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** How services name each other in {@code network_mode}, {@code volumes_from} and {@code links}. */
public final class References {
    public static final String SERVICE_PREFIX = "service:";
    public static final String CONTAINER_PREFIX = "container:";

    private References() {}

    /** {@code service:db} names service {@code db}; anything else ({@code host}, {@code container:x}) none. */
    public static Optional<String> networkModeService(String networkMode) {
        if (networkMode != null && networkMode.startsWith(SERVICE_PREFIX)) {
            return Optional.of(networkMode.substring(SERVICE_PREFIX.length()));
        }
        return Optional.empty();
    }

    /**
     * {@code db}, {@code db:ro} and {@code service:db:rw} name service {@code db};
     * {@code container:x} names a container outside the project.
     */
    public static Optional<String> volumesFromService(String entry) {
        if (entry == null || entry.isEmpty() || entry.startsWith(CONTAINER_PREFIX)) {
            return Optional.empty();
        }
        String rest = entry.startsWith(SERVICE_PREFIX) ? entry.substring(SERVICE_PREFIX.length()) : entry;
        int colon = rest.indexOf(':');
        return Optional.of(colon < 0 ? rest : rest.substring(0, colon));
    }

    /** {@code db} and {@code db:alias} link to service {@code db}. */
    public static String linkService(String link) {
        int colon = link.indexOf(':');
        return colon < 0 ? link : link.substring(0, colon);
    }

    /** Explicit and implicit dependencies of one service, sorted. */
    public static SortedSet<String> dependenciesOf(ServiceConfig s) {
        SortedSet<String> deps = new TreeSet<>(s.dependsOn().keySet());
        networkModeService(s.networkMode()).ifPresent(deps::add);
        s.volumesFrom().forEach(v -> volumesFromService(v).ifPresent(deps::add));
        s.links().forEach(l -> deps.add(linkService(l)));
        return deps;
    }
}
