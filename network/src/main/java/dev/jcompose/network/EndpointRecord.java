package dev.jcompose.network;

import dev.jcompose.nat.PortRequest;
import dev.jcompose.nat.PublishedPort;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An endpoint in the state file.
 *
 * @param mode   bridge, none, host or shared
 * @param netns  the bind-mounted namespace file (null for host mode); for shared mode the other's
 * @param ownsNetns false when the namespace belongs to another endpoint (shared) or the host
 * @param ports  the ports published now (DNAT rules, host ports held); empty while the container is stopped
 * @param owner  the process that last changed its phase (see {@link ProcessOwner})
 * @param requests the ports asked for, kept while they are unpublished so that a start publishes them
 *                 again; a state written before requests were recorded gets its published ports as fixed requests
 * @param dnsLinks {@code links:} aliases: a name this endpoint alone resolves, to the name it stands for
 */
public record EndpointRecord(
        String id,
        String mode,
        String netns,
        boolean ownsNetns,
        List<LinkRecord> links,
        List<PublishedPort> ports,
        Phase phase,
        String owner,
        List<PortRequest> requests,
        SortedMap<String, String> dnsLinks) {
    public EndpointRecord {
        dnsLinks = Collections.unmodifiableSortedMap(new TreeMap<>(dnsLinks == null ? Map.of() : dnsLinks));
        links = List.copyOf(links);
        ports = List.copyOf(ports);
        requests = requests == null || requests.isEmpty() ? fixed(ports) : List.copyOf(requests);
    }

    public EndpointRecord(
            String id,
            String mode,
            String netns,
            boolean ownsNetns,
            List<LinkRecord> links,
            List<PublishedPort> ports,
            Phase phase,
            String owner) {
        this(id, mode, netns, ownsNetns, links, ports, phase, owner, List.of(), null);
    }

    private static List<PortRequest> fixed(List<PublishedPort> ports) {
        return ports.stream()
                .map(p -> new PortRequest(
                        p.protocol(), p.hostIp(), p.hostPort(), p.hostPort(), p.containerPort(), p.containerPort()))
                .toList();
    }

    public EndpointRecord withPhase(Phase p) {
        return new EndpointRecord(id, mode, netns, ownsNetns, links, ports, p, ProcessOwner.self(), requests, dnsLinks);
    }

    /** The same endpoint with {@code published} as its published ports (empty: none held). */
    public EndpointRecord withPorts(List<PublishedPort> published) {
        return new EndpointRecord(id, mode, netns, ownsNetns, links, published, phase, owner, requests, dnsLinks);
    }
}
